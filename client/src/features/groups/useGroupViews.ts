import { useEffect, useSyncExternalStore } from 'react'
import { useMe } from '../../auth/SessionContext'
import { listGroupViews, type GroupView } from './groupsApi'

/** The groups of one negotiation as last fetched, shared by every view that shows them. */
interface Entry {
  groups: GroupView[] | null
  error: string | null
  loading: Promise<void> | null
  listeners: Set<() => void>
}

// By account and negotiation: `mine` is the caller's, and another account may sign in here.
const entries = new Map<string, Entry>()

const entryOf = (accountId: string, negotiationId: string): Entry => {
  const key = `${accountId}\n${negotiationId}`
  let entry = entries.get(key)
  if (!entry) {
    entry = { groups: null, error: null, loading: null, listeners: new Set() }
    entries.set(key, entry)
  }
  return entry
}

const notify = (entry: Entry) => entry.listeners.forEach((l) => l())

function load(negotiationId: string, entry: Entry): Promise<void> {
  entry.loading ??= listGroupViews(negotiationId)
    .then(
      (groups) => {
        entry.groups = groups
        entry.error = null
      },
      (e: unknown) => {
        entry.error = e instanceof Error ? e.message : String(e)
      },
    )
    .finally(() => {
      entry.loading = null
      notify(entry)
    })
  return entry.loading
}

/** Puts in one group as the server answered it (after creating it or changing its members). */
export function putGroupView(accountId: string, negotiationId: string, group: GroupView): void {
  const entry = entryOf(accountId, negotiationId)
  entry.groups = [...(entry.groups ?? []).filter((g) => g.id !== group.id), group]
  notify(entry)
}

/** Fetches this account's groups again; every view showing them follows. */
export const reloadGroupViews = (accountId: string, negotiationId: string): Promise<void> =>
  load(negotiationId, entryOf(accountId, negotiationId))

/** What a view knows of the negotiation's groups: null until first loaded. */
export interface GroupViews {
  groups: GroupView[] | null
  error: string | null
}

/**
 * The negotiation's groups (GET .../groups), fetched once when the first view asks for them
 * and shared (the text page's cards, notes and propose dialog and the Rooms page ask together).
 */
export function useGroupViews(negotiationId: string): GroupViews {
  const entry = entryOf(useMe().account.id, negotiationId)
  const groups = useSyncExternalStore(
    (onChange) => {
      entry.listeners.add(onChange)
      return () => entry.listeners.delete(onChange)
    },
    () => entry.groups,
  )
  const error = useSyncExternalStore(
    (onChange) => {
      entry.listeners.add(onChange)
      return () => entry.listeners.delete(onChange)
    },
    () => entry.error,
  )
  useEffect(() => {
    if (entry.groups === null && !entry.loading) void load(negotiationId, entry)
  }, [entry, negotiationId])
  return { groups, error }
}

/** The names of the groups by id (delegations, coalitions, campaign groups). */
export const groupNamesOf = (groups: readonly GroupView[] | null): ReadonlyMap<string, string> =>
  new Map((groups ?? []).map((g) => [g.id, g.name]))
