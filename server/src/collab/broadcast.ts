import type { Connection } from './Connection'

/**
 * Delivers one encoded message to a room's connections. The seam where batched broadcast (coalesce
 * per tick) and a Redis fan-out to other server instances plug in later.
 */
export interface Broadcaster {
  /** Sends `message` to every connection but `except`; the message is encoded once by the caller. */
  broadcast(to: Iterable<Connection>, message: Uint8Array, except?: Connection): void
}

/** Sends every message at once to every local connection. */
export const directBroadcaster: Broadcaster = {
  broadcast(to, message, except) {
    for (const connection of to) if (connection !== except) connection.send(message)
  },
}
