import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { admitAwareness } from './awareness'
import type { Connection } from './Connection'
import type { Outbox } from './Outbox'
import { encodePresenceMessage } from './Outbox'
import { DepartedIds, PresenceOwners } from './PresenceOwners'
import { encodeAwarenessEntries, type AwarenessEntry } from './protocol'

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * A room's presence: what each connection may announce (see admitAwareness), kept in a
 * y-protocols Awareness, and what of it is relayed to the room through its outbox.
 */
export class RoomPresence {
  /** Presence of the room's clients, relayed but never stored. */
  readonly awareness: Awareness
  // Which connection may speak for each presence client id.
  private readonly owners: PresenceOwners

  constructor(
    roomName: string,
    doc: Y.Doc,
    departedIds: DepartedIds,
    private readonly outbox: Outbox,
  ) {
    this.owners = new PresenceOwners(roomName, departedIds)
    this.awareness = new Awareness(doc)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /** Applies what a connection may say of presence; entries for others' ids reach nobody. */
  apply(connection: Connection, entries: AwarenessEntry[]): void {
    const admitted = admitAwareness(connection, entries, this.owners, this.awareness)
    if (admitted.length === 0) return
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(admitted), connection.origin)
  }

  /** Removes the presence a leaving connection announced (not an id another tab took over). */
  leave(connection: Connection): void {
    const clients = this.owners.release(connection)
    if (clients.length > 0) removeAwarenessStates(this.awareness, clients, connection.origin)
  }

  /** Releases a connection's ids as if it had left, without telling anyone (the room closes). */
  release(connection: Connection): void {
    this.owners.release(connection)
  }

  /** The presence message a joining connection (or one that asks) gets; undefined if none. */
  snapshot(): Uint8Array | undefined {
    const entries = this.entries([...this.awareness.getStates().keys()])
    return entries.length > 0 ? encodePresenceMessage(entries) : undefined
  }

  /** Stops the awareness's timers. */
  destroy(): void {
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  private entries(clients: number[]): AwarenessEntry[] {
    return clients.map((clientId) => ({
      clientId,
      clock: this.awareness.meta.get(clientId)?.clock ?? 0,
      state: (this.awareness.getStates().get(clientId) as Record<string, unknown>) ?? null,
    }))
  }

  private readonly onUpdate = (change: AwarenessChange): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    if (changed.length > 0) this.outbox.presence(this.entries(changed))
  }
}
