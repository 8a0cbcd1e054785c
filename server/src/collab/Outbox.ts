import type { Connection } from './Connection'
import { encodeAwarenessEntries, encodeUpdate, type AwarenessEntry } from './protocol'
import * as encoding from 'lib0/encoding'

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

/** The server's default outbox. */
export const defaultOutbox: OutboxFactory = (connections) => new DirectOutbox(connections)

// y-websocket's awareness message type.
const MESSAGE_AWARENESS = 1

/** An awareness message carrying `entries`. */
export function encodePresenceMessage(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries))
  return encoding.toUint8Array(encoder)
}

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
