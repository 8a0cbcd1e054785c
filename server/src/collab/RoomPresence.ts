import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { REMOTE_ORIGIN, isOrigin } from '../../../shared/collab'
import {
  PRESENCE_BOUNDS,
  ROOM_SUMMARY_FIELD,
  sameSummary,
  summarize,
  type RoomSummary,
} from '../../../shared/collab/presence'
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

// Writers (the chair, sponsors) and readers are listed up to bounds of their own.
type Kind = 'write' | 'read'

const articleOf = (state: Record<string, unknown> | undefined): string | null =>
  typeof state?.article === 'string' ? state.article : null

/**
 * A room's presence: what each connection may announce (see admitAwareness), kept in a
 * y-protocols Awareness, and what of it is relayed to the room through its outbox. Writers and
 * the first readers are relayed one by one, each client id at most about ten times a second
 * (the latest state wins, a trailing relay carries it; removals go at once); readers past the
 * bound are counted, and the room's own awareness state publishes the counts per article
 * (see shared/collab/presence.ts) at most once a second, when they changed.
 *
 * With several instances (issue 16), what this room's own connections announce is published to
 * the others (`publish`), and what theirs announce is applied here (`applyRemote`) and relayed
 * like the rest; the counts per article stay each instance's own (its summary is never published).
 */
export class RoomPresence {
  /** Presence of the room's clients, relayed but never stored; its local state is the summary. */
  readonly awareness: Awareness
  // Which connection may speak for each presence client id.
  private readonly owners: PresenceOwners
  // Client ids relayed one by one, in the order they were listed.
  private readonly listed = new Map<number, Kind>()
  // Client ids counted instead, in the order they came (the first is listed when a place frees).
  private readonly counted = new Map<number, { kind: Kind; article: string | null }>()
  // When each listed id was last relayed, and the relays waiting for the interval to pass.
  private readonly lastRelayed = new Map<number, number>()
  private readonly trailing = new Map<number, ReturnType<typeof setTimeout>>()
  private summaryTimer: ReturnType<typeof setTimeout> | undefined
  private lastSummaryAt = -Infinity
  private published: RoomSummary | null = null
  // The snapshot as last encoded, until a listed state or the summary changes (a reconnect
  // storm's joins, counted readers all, change neither); null: none to send.
  private snapshotMessage: Uint8Array | null | undefined

  constructor(
    roomName: string,
    doc: Y.Doc,
    departedIds: DepartedIds,
    private readonly outbox: Outbox,
    private readonly publish: (update: Uint8Array) => void = () => {},
  ) {
    this.owners = new PresenceOwners(roomName, departedIds)
    this.awareness = new Awareness(doc)
    // The server speaks only when it has people to count.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /** Applies what a connection may say of presence; entries for others' ids reach nobody. */
  apply(connection: Connection, entries: AwarenessEntry[]): void {
    // Nobody speaks for the room's own id: its state is the summary.
    const theirs = entries.filter((entry) => entry.clientId !== this.awareness.clientID)
    const admitted = admitAwareness(connection, theirs, this.owners, this.awareness)
    if (admitted.length === 0) return
    applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(admitted), connection.origin)
  }

  /** Applies presence that another instance's connections announced (an awareness update). */
  applyRemote(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
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

  /**
   * The presence message a joining connection (or one that asks) gets: the listed states and
   * the summary, so its size is bounded however many are counted; undefined if none.
   */
  snapshot(): Uint8Array | undefined {
    if (this.snapshotMessage === undefined) {
      const states = this.awareness.getStates()
      const ids = [...this.listed.keys(), this.awareness.clientID].filter((id) => states.has(id))
      this.snapshotMessage = ids.length > 0 ? encodePresenceMessage(this.entries(ids)) : null
    }
    return this.snapshotMessage ?? undefined
  }

  /** The summary the room publishes now, or null while everyone is listed. */
  get summary(): RoomSummary | null {
    return this.published
  }

  /** Stops the awareness's and the relays' timers. */
  destroy(): void {
    this.trailing.forEach((timer) => clearTimeout(timer))
    this.trailing.clear()
    clearTimeout(this.summaryTimer)
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

  private readonly onUpdate = (
    { added, updated, removed }: AwarenessChange,
    origin: unknown,
  ): void => {
    if (isOrigin(origin) && origin.kind === 'client') {
      this.publish(encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]))
    }
    const now = Date.now()
    const relayNow: number[] = []
    for (const id of removed) this.forget(id, now, relayNow)
    for (const id of [...added, ...updated]) this.place(id, now, relayNow)
    if (relayNow.length > 0) this.outbox.presence(this.entries(relayNow))
  }

  // A new or changed state: relayed (throttled) if listed or if a place is free, else counted.
  private place(id: number, now: number, relayNow: number[]): void {
    if (id === this.awareness.clientID) {
      this.snapshotMessage = undefined
      relayNow.push(id) // the summary, at most once a second already
      return
    }
    const state = this.awareness.getStates().get(id) as Record<string, unknown> | undefined
    const counted = this.counted.get(id)
    if (this.listed.has(id)) {
      this.relay(id, now, relayNow)
    } else if (counted) {
      const article = articleOf(state)
      if (article === counted.article) return
      counted.article = article
      this.summaryChanged(now)
    } else {
      const kind = this.kindOf(id, state)
      if (this.hasPlace(kind)) {
        this.listed.set(id, kind)
        this.relay(id, now, relayNow)
      } else {
        this.counted.set(id, { kind, article: articleOf(state) })
      }
      this.summaryChanged(now)
    }
  }

  // A removed state: relayed at once if listed (a counted person takes the place), else uncounted.
  private forget(id: number, now: number, relayNow: number[]): void {
    if (id === this.awareness.clientID) {
      this.snapshotMessage = undefined
      relayNow.push(id)
      return
    }
    clearTimeout(this.trailing.get(id))
    this.trailing.delete(id)
    this.lastRelayed.delete(id)
    const kind = this.listed.get(id)
    if (kind) {
      this.listed.delete(id)
      this.snapshotMessage = undefined
      relayNow.push(id)
      this.promote(kind, now, relayNow)
    } else {
      this.counted.delete(id)
    }
    this.summaryChanged(now)
  }

  // A connection's access; another instance's client, whose connection is there, is a writer if
  // its state carries a cursor (relayedState keeps one for writers only).
  private kindOf(id: number, state: Record<string, unknown> | undefined): Kind {
    const owner = this.owners.ownerOf(id)
    if (owner) return owner.access === 'write' ? 'write' : 'read'
    return state !== undefined && 'cursor' in state ? 'write' : 'read'
  }

  private hasPlace(kind: Kind): boolean {
    const bound = kind === 'write' ? PRESENCE_BOUNDS.listedWriters : PRESENCE_BOUNDS.listedReaders
    let taken = 0
    for (const listedKind of this.listed.values()) if (listedKind === kind) taken += 1
    return taken < bound
  }

  // Lists the longest-counted person of a kind in a place just freed.
  private promote(kind: Kind, now: number, relayNow: number[]): void {
    for (const [id, counted] of this.counted) {
      if (counted.kind !== kind) continue
      this.counted.delete(id)
      this.listed.set(id, kind)
      this.relay(id, now, relayNow)
      return
    }
  }

  // Relays an id's state now, or once its interval has passed (then the latest state goes).
  private relay(id: number, now: number, relayNow: number[]): void {
    this.snapshotMessage = undefined
    if (this.trailing.has(id)) return
    const wait = (this.lastRelayed.get(id) ?? -Infinity) + PRESENCE_BOUNDS.relayIntervalMs - now
    if (wait <= 0) {
      this.lastRelayed.set(id, now)
      relayNow.push(id)
      return
    }
    const timer = setTimeout(() => {
      this.trailing.delete(id)
      if (!this.listed.has(id) || !this.awareness.getStates().has(id)) return
      this.lastRelayed.set(id, Date.now())
      this.outbox.presence(this.entries([id]))
    }, wait)
    this.trailing.set(id, timer)
  }

  // Someone came, left or moved among the counted: publish the summary when the interval allows.
  private summaryChanged(now: number): void {
    if (this.summaryTimer !== undefined) return
    const wait = Math.max(0, this.lastSummaryAt + PRESENCE_BOUNDS.summaryIntervalMs - now)
    this.summaryTimer = setTimeout(this.publishSummary, wait)
  }

  private readonly publishSummary = (): void => {
    this.summaryTimer = undefined
    this.lastSummaryAt = Date.now()
    const own = this.awareness.getLocalState() === null ? 0 : 1
    const next =
      this.counted.size === 0
        ? null
        : summarize(
            this.awareness.getStates().size - own,
            [...this.counted.values()].map((c) => c.article),
          )
    if (sameSummary(this.published, next)) return
    this.published = next
    this.awareness.setLocalState(next === null ? null : { [ROOM_SUMMARY_FIELD]: next })
  }
}
