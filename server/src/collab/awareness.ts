import type { Awareness } from 'y-protocols/awareness'
import type { Connection } from './Connection'
import type { PresenceOwners } from './PresenceOwners'
import { relayedState } from './presenceState'
import type { AwarenessEntry } from './protocol'

// Whether y-protocols would apply the entry: a newer clock, or the removal of a present state.
const isNews = (awareness: Awareness, { clientId, clock, state }: AwarenessEntry): boolean => {
  const known = awareness.meta.get(clientId)?.clock ?? 0
  return known < clock || (known === clock && state === null && awareness.states.has(clientId))
}

/**
 * What the room applies of a connection's awareness entries: only news (see isNews) for client
 * ids it owns or may claim (see PresenceOwners), each state cut down to what the UI reads, with
 * the account stamped. Everything else is dropped silently: y-websocket echoes the states it
 * receives back to the server, so an entry for someone else's id is no fault of an honest
 * client; and an echo, never news, must not move an id between two tabs of one account.
 */
export function admitAwareness(
  connection: Connection,
  entries: AwarenessEntry[],
  owners: PresenceOwners,
  awareness: Awareness,
): AwarenessEntry[] {
  const announcer = { access: connection.access, account: connection.owner?.username }
  const admitted: AwarenessEntry[] = []
  for (const entry of entries) {
    if (!isNews(awareness, entry)) continue
    const state = entry.state === null ? null : relayedState(entry.state, announcer)
    if (entry.state !== null && state === null) continue // past the size limit
    if (!owners.admit(connection, entry.clientId, state === null)) continue
    admitted.push({ ...entry, state })
  }
  return admitted
}
