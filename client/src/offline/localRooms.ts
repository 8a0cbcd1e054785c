import { useSyncExternalStore } from 'react'
import { parseRoomName } from '../../../shared/collab'
import type { KeptOnDevice, LocalCopy } from './syncRegistry'

/**
 * What this browser keeps of one account's rooms (issue 14). Every room is kept in its own
 * IndexedDB database named after the account and the room, so that one account never opens
 * another's; small bookkeeping (which databases exist, unsynced counts, the opt-in, local copies
 * of refused changes) sits in localStorage under keys naming the account. `wipeAccount` deletes
 * all of it: on sign-out, when the session expired, and before another account signs in.
 */

const PREFIX = 'plenary'
/** The name of the service worker's cache of API answers (vite.config.ts). */
export const API_CACHE = 'plenary-api'

const key = (accountId: string, what: string) => `${PREFIX}.${what}.${accountId}`

/** The IndexedDB database of one account's copy of one room (`#local`: the chair's offline fork). */
export const localDbName = (accountId: string, room: string, variant?: 'local'): string =>
  `${PREFIX}:${accountId}:${room}${variant ? `#${variant}` : ''}`

/**
 * Private rooms — drafts, a group's notes, a session's text — are kept only when the person
 * opts in on this device; the text, the register and published notes, which every member reads,
 * always are.
 */
export function isPrivateRoom(room: string): boolean {
  const ref = parseRoomName(room)
  if (!ref) return true
  if (ref.kind === 'text' || ref.kind === 'register') return false
  if (ref.kind === 'notes') return ref.key !== 'public'
  return true
}

function readJson<T>(k: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(k)
    return raw === null ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

const writeJson = (k: string, value: unknown) => localStorage.setItem(k, JSON.stringify(value))

/** Whether the person chose to keep private rooms on this device. */
export const keepsPrivateRooms = (accountId: string): boolean =>
  localStorage.getItem(key(accountId, 'keepPrivate')) === '1'

/** Records the choice; takes effect for rooms opened from now on. */
export function setKeepsPrivateRooms(accountId: string, on: boolean): void {
  if (on) localStorage.setItem(key(accountId, 'keepPrivate'), '1')
  else localStorage.removeItem(key(accountId, 'keepPrivate'))
  notify()
}

/** Whether a room's contents are kept in this browser, and why. */
export function keptOnDevice(accountId: string, room: string): KeptOnDevice {
  if (!isPrivateRoom(room)) return 'always'
  return keepsPrivateRooms(accountId) ? 'opted-in' : 'not-kept'
}

/** Whether a database was noted as the account's (it may hold a copy from an earlier visit). */
export const isRememberedDb = (accountId: string, name: string): boolean =>
  readJson<string[]>(key(accountId, 'dbs'), []).includes(name)

/** Notes a database as the account's, so that a wipe finds it even without indexedDB.databases(). */
export function rememberDb(accountId: string, name: string): void {
  const names = readJson<string[]>(key(accountId, 'dbs'), [])
  if (!names.includes(name)) writeJson(key(accountId, 'dbs'), [...names, name])
}

/** The unacknowledged changes last counted for a room (survives reloads). */
export const storedPending = (accountId: string, room: string): number =>
  readJson<Record<string, number>>(key(accountId, 'pending'), {})[room] ?? 0

/** Records a room's count of unacknowledged changes. */
export function storePending(accountId: string, room: string, count: number): void {
  const all = readJson<Record<string, number>>(key(accountId, 'pending'), {})
  if ((all[room] ?? 0) === count) return
  if (count > 0) all[room] = count
  else delete all[room]
  writeJson(key(accountId, 'pending'), all)
}

/** All changes of the account only on this device, for the warning before a wipe. */
export function pendingOnDevice(accountId: string): number {
  const counts = Object.values(readJson<Record<string, number>>(key(accountId, 'pending'), {}))
  const sets = Object.values(readJson<Record<string, unknown[]>>(key(accountId, 'changes'), {}))
  const forks = Object.values(
    readJson<Record<string, { edits: number }>>(key(accountId, 'fork'), {}),
  )
  return (
    counts.reduce((a, b) => a + b, 0) +
    sets.reduce((a, s) => a + s.length, 0) +
    forks.reduce((a, f) => a + f.edits, 0) +
    localCopies(accountId).length
  )
}

/** The local copies of changes the server refused, newest last. */
export const localCopies = (accountId: string): LocalCopy[] =>
  readJson<LocalCopy[]>(key(accountId, 'copies'), [])

/** Keeps a local copy (replacing one of the same id). */
export function saveLocalCopy(accountId: string, copy: LocalCopy): void {
  writeJson(key(accountId, 'copies'), [
    ...localCopies(accountId).filter((c) => c.id !== copy.id),
    copy,
  ])
  notify()
}

/** Discards a local copy. */
export function dropLocalCopy(accountId: string, id: string): void {
  writeJson(
    key(accountId, 'copies'),
    localCopies(accountId).filter((c) => c.id !== id),
  )
  notify()
}

/** Deletes one IndexedDB database; resolves when gone (or when the browser blocks it). */
export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = req.onerror = req.onblocked = () => resolve()
  })
}

async function accountDbs(accountId: string | null): Promise<string[]> {
  const names = new Set<string>()
  const listed = (await indexedDB.databases?.().catch(() => [])) ?? []
  for (const db of listed) if (db.name?.startsWith(`${PREFIX}:`)) names.add(db.name)
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i)
    if (k?.startsWith(`${PREFIX}.dbs.`)) for (const n of readJson<string[]>(k, [])) names.add(n)
  }
  return [...names].filter((n) => accountId === null || n.startsWith(`${PREFIX}:${accountId}:`))
}

/**
 * Deletes everything this browser keeps for an account: its rooms' databases, its bookkeeping,
 * and the service worker's cache of API answers (shared by whoever signs in next).
 */
export async function wipeAccount(accountId: string): Promise<void> {
  await Promise.all((await accountDbs(accountId)).map(deleteDb))
  for (const what of ['dbs', 'pending', 'copies', 'keepPrivate', 'changes', 'fork'])
    localStorage.removeItem(key(accountId, what))
  if ('caches' in window) await caches.delete(API_CACHE).catch(() => false)
  notify()
}

/** The accounts other than `accountId` whose data this browser still keeps. */
export function otherAccounts(accountId: string | null): string[] {
  const ids = new Set<string>()
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i)
    const m = k?.match(/^plenary\.(?:dbs|pending|copies|keepPrivate|changes|fork)\.(.+)$/)
    if (m && m[1] !== accountId) ids.add(m[1]!)
  }
  return [...ids]
}

/** Deletes what this browser keeps of every account but `accountId` (null: of everyone). */
export async function wipeOtherAccounts(accountId: string | null): Promise<void> {
  for (const id of otherAccounts(accountId)) await wipeAccount(id)
  // Databases of accounts whose bookkeeping is gone already.
  const strays = (await accountDbs(null)).filter(
    (n) => accountId === null || !n.startsWith(`${PREFIX}:${accountId}:`),
  )
  await Promise.all(strays.map(deleteDb))
}

// A version number that changes with the opt-in and the local copies, for React.
let version = 0
const listeners = new Set<() => void>()
function notify() {
  version++
  for (const l of listeners) l()
}

/** Calls `listener` when the opt-in or the local copies change; returns a stop function. */
export function subscribeLocalRooms(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Re-renders when the opt-in or the local copies change. */
export function useLocalRoomsVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => version,
  )
}
