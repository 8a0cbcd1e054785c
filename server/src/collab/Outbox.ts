import type { Connection } from './Connection'
import { encodePresenceMessage, encodeUpdate, type AwarenessEntry } from './protocol'
import { WindowedOutbox } from './WindowedOutbox'

export { encodePresenceMessage } from './protocol'

/**
 * What a room sends to its connections besides the replies to one connection (sync steps,
 * acks): stored document updates and presence. The seam where the room's fan-out is shaped
 * (issue 15: merged over a short window, one message per connection per window, slow readers
 * cut off).
 */
export interface Outbox {
  /** A stored document update, for every connection but `from` (everyone, for a server change). */
  update(update: Uint8Array, from?: Connection): void
  /** Presence entries for every connection; a later entry for a client id replaces an earlier. */
  presence(entries: AwarenessEntry[]): void
  /** Sends whatever waits now (before the room closes its connections or resets). */
  flush(): void
  /** Stops any timer; nothing more is sent. */
  destroy(): void
}

/** Makes a room's outbox, given the room's connections as they are at each call. */
export type OutboxFactory = (connections: () => Iterable<Connection>) => Outbox

/** The server's default outbox: merged over a short window, one write per connection. */
export const defaultOutbox: OutboxFactory = (connections) => new WindowedOutbox(connections)

/** Sends every update and presence change at once, one message each, to every connection. */
export class DirectOutbox implements Outbox {
  constructor(private readonly connections: () => Iterable<Connection>) {}

  update(update: Uint8Array, from?: Connection): void {
    const message = encodeUpdate(update)
    for (const connection of this.connections()) if (connection !== from) connection.send(message)
  }

  presence(entries: AwarenessEntry[]): void {
    if (entries.length === 0) return
    const message = encodePresenceMessage(entries)
    for (const connection of this.connections()) connection.send(message)
  }

  flush(): void {}

  destroy(): void {}
}
