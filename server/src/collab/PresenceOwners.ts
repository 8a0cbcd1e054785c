import type { Connection } from './Connection'

/** How long, and how many, departed client ids stay reserved for their account in a room. */
export const DEPARTED_IDS = { keepMs: 10 * 60_000, keepCount: 1000 } as const
/** Client ids one connection may own; y-websocket announces one, its document's. */
export const IDS_PER_CONNECTION = 4

// Connections where nobody signs in (tests of the sync) each count as their own account.
const accountOf = (connection: Connection): string =>
  connection.owner?.accountId ?? `connection:${connection.id}`

/**
 * Which connection owns each awareness client id of a room: the first to announce it, or a
 * later connection of the same account (a tab that reconnected). When its connection leaves,
 * an id stays reserved for that account for a while, because the reconnecting provider keeps
 * its document's client id. Keeps `connection.awarenessClients` as the ids each one owns.
 */
export class PresenceOwners {
  private readonly live = new Map<number, Connection>()
  // In the order the ids departed, so the oldest go first.
  private readonly departed = new Map<number, { account: string; until: number }>()

  constructor(private readonly now: () => number = Date.now) {}

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
      const reserved = this.reservation(clientId)
      if (reserved !== undefined && reserved !== accountOf(connection)) return false
      if (connection.awarenessClients.size >= IDS_PER_CONNECTION) return false
    }
    this.departed.delete(clientId)
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
    const until = this.now() + DEPARTED_IDS.keepMs
    for (const id of released) {
      this.live.delete(id)
      this.departed.delete(id)
      this.departed.set(id, { account: accountOf(connection), until })
    }
    this.prune()
    return released
  }

  // The account an id is reserved for, if its reservation still holds.
  private reservation(clientId: number): string | undefined {
    const entry = this.departed.get(clientId)
    if (!entry) return undefined
    if (entry.until > this.now()) return entry.account
    this.departed.delete(clientId)
    return undefined
  }

  // Forgets expired reservations, and the oldest past the count.
  private prune(): void {
    const now = this.now()
    for (const [id, { until }] of this.departed) {
      if (until > now && this.departed.size <= DEPARTED_IDS.keepCount) break
      this.departed.delete(id)
    }
  }
}
