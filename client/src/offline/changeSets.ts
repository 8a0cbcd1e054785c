import { useSyncExternalStore } from 'react'
import type { OfflineChange } from '../../../shared/domain/offlineChanges'

/**
 * The chair's offline change sets waiting for review, kept per account and room in localStorage
 * so that they survive reloads until each entry is applied or dropped (issue 14). An offline
 * fork in progress (edits made while offline, not yet compared with the server) is noted here
 * too, with when it started and how many edits it holds.
 */

/** The localStorage key of an account's change sets (other tabs listen for it). */
export const changeSetsKey = (accountId: string) => `plenary.changes.${accountId}`
const forksKey = (accountId: string) => `plenary.fork.${accountId}`

/** An offline fork of the main text: edits made here while offline, not yet reviewed. */
export interface ForkInfo {
  since: number
  edits: number
}

function read<T>(k: string): Record<string, T> {
  try {
    return (JSON.parse(localStorage.getItem(k) ?? '{}') as Record<string, T>) ?? {}
  } catch {
    return {}
  }
}

function write<T>(k: string, room: string, value: T | null): void {
  const all = read<T>(k)
  if (value === null) delete all[room]
  else all[room] = value
  if (Object.keys(all).length === 0) localStorage.removeItem(k)
  else localStorage.setItem(k, JSON.stringify(all))
  version++
  for (const l of listeners) l()
}

/** The change set of a room waiting for review (empty if none). */
export const storedChangeSet = (accountId: string, room: string): OfflineChange[] =>
  read<OfflineChange[]>(changeSetsKey(accountId))[room] ?? []

/** Every room's change set waiting for review, by room. */
export const storedChangeSets = (accountId: string): Record<string, OfflineChange[]> =>
  read<OfflineChange[]>(changeSetsKey(accountId))

/** Stores (or, when empty, removes) a room's change set. */
export const storeChangeSet = (accountId: string, room: string, changes: OfflineChange[]) =>
  write(changeSetsKey(accountId), room, changes.length > 0 ? changes : null)

/** The offline fork of a room in progress, if any. */
export const storedFork = (accountId: string, room: string): ForkInfo | null =>
  read<ForkInfo>(forksKey(accountId))[room] ?? null

/** Records (or, with null, ends) a room's offline fork. */
export const storeFork = (accountId: string, room: string, fork: ForkInfo | null) =>
  write(forksKey(accountId), room, fork)

let version = 0
const listeners = new Set<() => void>()

/** Re-renders when any change set or fork changes. */
export function useChangeSetsVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => version,
  )
}
