import type { Connection } from './Connection'

/** How long, and how many, departed client ids stay reserved for their account. */
export const DEPARTED_IDS = { keepMs: 10 * 60_000, keepCount: 10_000 } as const
/** Client ids one connection may own; y-websocket announces one, its document's. */
export const IDS_PER_CONNECTION = 4

// Connections where nobody signs in (tests of the sync) each count as their own account.
const accountOf = (connection: Connection): string =>
  connection.owner?.accountId ?? `connection:${connection.id}`

/**
 * The client ids whose connection left, reserved for their account for a while in every room
 * of a server: a reconnecting provider keeps its document's client id, and the reservation
 * outlives the room, which unloads when its last connection leaves.
 */
export class DepartedIds {
  // In the order the ids departed, so the oldest go first.
  private readonly reserved = new Map<string, { account: string; until: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Reserves a room's client id for an account. */
  reserve(room: string, clientId: number, account: string): void {
    const key = `${room}\u0000${clientId}`
    this.reserved.delete(key)
    this.reserved.set(key, { account, until: this.now() + DEPARTED_IDS.keepMs })
    this.prune()
  }

  /** The account a room's client id is reserved for, while its reservation holds. */
  holder(room: string, clientId: number): string | undefined {
    const entry = this.reserved.get(`${room}\u0000${clientId}`)
    return entry && entry.until > this.now() ? entry.account : undefined
  }

  /** Ends a reservation: the id is live again. */
  release(room: string, clientId: number): void {
    this.reserved.delete(`${room}\u0000${clientId}`)
  }

  // Forgets expired reservations, and the oldest past the count.
  private prune(): void {
    const now = this.now()
    for (const [key, { until }] of this.reserved) {
      if (until > now && this.reserved.size <= DEPARTED_IDS.keepCount) break
      this.reserved.delete(key)
    }
  }
}

/**
 * Which connection owns each awareness client id of a room: the first to announce it, or a
 * later connection of the same account (a tab that reconnected); an id whose connection left
 * stays reserved for its account (see DepartedIds). Keeps `connection.awarenessClients` as the
 * ids each connection owns.
 */
export class PresenceOwners {
  private readonly live = new Map<number, Connection>()

  constructor(
    private readonly room: string,
    private readonly departed: DepartedIds,
  ) {}

  /** The connection that owns a client id now, if one does. */
  ownerOf(clientId: number): Connection | undefined {
    return this.live.get(clientId)
  }

  /**
   * Whether `connection` may set (or, with `removal`, clear) the state of `clientId`, claiming
   * or moving the id to it if so. A removal never claims: only an owner may clear a state.
   */
  admit(connection: Connection, clientId: number, removal: boolean): boolean {
    const owner = this.live.get(clientId)
    if (owner === connection) return true
    if (removal) return false
    if (owner) {
      if (accountOf(owner) !== accountOf(connection)) return false
      owner.awarenessClients.delete(clientId)
    } else {
      const holder = this.departed.holder(this.room, clientId)
      if (holder !== undefined && holder !== accountOf(connection)) return false
      if (connection.awarenessClients.size >= IDS_PER_CONNECTION) return false
      this.departed.release(this.room, clientId)
    }
    this.live.set(clientId, connection)
    connection.awarenessClients.add(clientId)
    return true
  }

  /** Releases the ids a leaving connection owns, reserving them for its account; says which. */
  release(connection: Connection): number[] {
    const released = [...connection.awarenessClients].filter(
      (id) => this.live.get(id) === connection,
    )
    connection.awarenessClients.clear()
    for (const id of released) {
      this.live.delete(id)
      this.departed.reserve(this.room, id, accountOf(connection))
    }
    return released
  }
}
