import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { ApiError, readsSettled, SIGNED_OUT_EVENT } from '../api'
import {
  API_CACHE,
  otherAccounts,
  pendingOnDevice,
  wipeAccount,
  wipeOtherAccounts,
} from '../offline/localRooms'
import { SignOutWarning, type LocalDataWarning } from '../offline/signOutWarning'
import { getMe, logout, type Me } from './authApi'

/** Where the session stands: not known yet, nobody signed in, or who is. */
export type SessionState =
  | { kind: 'loading' }
  /** `byUser` when the person signed out, rather than the session ending by itself. */
  | { kind: 'signed-out'; byUser?: boolean }
  | { kind: 'error'; message: string }
  | { kind: 'signed-in'; me: Me }

/** The session and what can be done with it. */
export interface Session {
  state: SessionState
  /** Asks the server again who is signed in (after signing in or accepting an invitation). */
  refresh: () => Promise<void>
  /**
   * Ends the session on the server and deletes what this browser keeps for the person; asks
   * first when changes that never reached the server would be lost.
   */
  signOut: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

// Set when the person signed out while the server could not be reached: its session cookie is
// still valid there, so the next start ends it before asking who is signed in.
const UNFINISHED_SIGN_OUT = 'plenary.unfinishedSignOut'

// The account signed in last on this browser.
const LAST_ACCOUNT = 'plenary.lastAccount'

const isOffline = (e: unknown) => !(e instanceof ApiError) || e.code === 'offline'

// Asks the server who is signed in: `null` (or a 401) means nobody, other failures are shown.
// While offline, the service worker answers from what it kept (see offline/serviceWorker.ts).
async function loadSession(): Promise<SessionState> {
  if (localStorage.getItem(UNFINISHED_SIGN_OUT)) {
    const ended = await logout().then(
      () => true,
      (e: unknown) => !isOffline(e),
    )
    if (!ended) return { kind: 'signed-out', byUser: true }
    localStorage.removeItem(UNFINISHED_SIGN_OUT)
  }
  return getMe().then(
    (me) => (me ? { kind: 'signed-in', me } : { kind: 'signed-out' }),
    (error: unknown) =>
      error instanceof ApiError && error.status === 401
        ? { kind: 'signed-out' }
        : { kind: 'error', message: (error as Error).message },
  )
}

// How long the worker may take to store an answer after the page has it.
const LATE_ANSWER_MS = 1_000

// How long sign-out waits for changes on their way to the server before warning about them.
const SETTLE_MS = 3_000

// The changes only on this device, once those being acknowledged right now have been (online).
async function settledPending(accountId: string): Promise<number> {
  const until = Date.now() + SETTLE_MS
  let pending = pendingOnDevice(accountId)
  while (pending > 0 && navigator.onLine && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    pending = pendingOnDevice(accountId)
  }
  return pending
}

// Reads that were on their way when the data was wiped land in the worker's cache afterwards
// (it stores an answer after handing it to the page): deleted again once they are in.
async function forgetLateAnswers(): Promise<void> {
  if (!('caches' in window)) return
  await readsSettled()
  await new Promise((resolve) => setTimeout(resolve, LATE_ANSWER_MS))
  await caches.delete(API_CACHE).catch(() => false)
}

// The session as loaded; once someone is signed in, nothing of another account stays readable.
async function loadSignedIn(): Promise<SessionState> {
  const next = await loadSession()
  if (next.kind !== 'signed-in') return next
  const id = next.me.account.id
  await wipeOtherAccounts(id).catch(() => {})
  // API answers cached for the previous person after their wipe (reads that were in flight).
  const last = localStorage.getItem(LAST_ACCOUNT)
  if (last !== null && last !== id && 'caches' in window)
    await caches.delete(API_CACHE).catch(() => false)
  localStorage.setItem(LAST_ACCOUNT, id)
  return next
}

/**
 * Loads `/api/me` once, and follows sign-in, sign-out and any 401 the API answers; deletes what
 * this browser keeps of an account when its session ends (issue 14), after a warning when
 * changes only on this device would be lost.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' })
  const [warning, setWarning] = useState<LocalDataWarning | null>(null)
  // The account signed in last, to know whose data to delete when the session ends.
  const account = useRef<string | null>(null)

  const refresh = useCallback(() => loadSignedIn().then(setState), [])

  const endSession = useCallback(async () => {
    const id = account.current
    account.current = null
    await logout().then(
      () => localStorage.removeItem(UNFINISHED_SIGN_OUT),
      // Signed out here even if the server could not be reached: ended there on the next start.
      (e: unknown) => isOffline(e) && localStorage.setItem(UNFINISHED_SIGN_OUT, '1'),
    )
    setState({ kind: 'signed-out', byUser: true })
    // The rooms unmount with the page; deleting their databases waits for them to close.
    if (id) await wipeAccount(id)
    await forgetLateAnswers()
  }, [])

  const signOut = useCallback(async () => {
    const id = account.current
    const pending = id ? await settledPending(id) : 0
    if (id && pending > 0) setWarning({ reason: 'sign-out', accountId: id, pending })
    else await endSession()
  }, [endSession])

  // The session ended without the person signing out: their data goes, unless it holds
  // changes only on this device, which they decide about first.
  const sessionEnded = useCallback(async (ids: string[]) => {
    for (const id of ids) {
      const pending = pendingOnDevice(id)
      if (pending > 0) setWarning((w) => w ?? { reason: 'expired', accountId: id, pending })
      else await wipeAccount(id).then(forgetLateAnswers)
    }
  }, [])

  useEffect(() => {
    void loadSignedIn().then(setState)
    // A 401 from any request: the session has ended (unless the person just signed out, or
    // the session is still being read: loadSession decides then).
    const onSignedOut = () =>
      setState((s) =>
        s.kind === 'signed-out' || s.kind === 'loading' ? s : { kind: 'signed-out' },
      )
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut)
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut)
  }, [refresh])

  useEffect(() => {
    if (state.kind === 'signed-in') account.current = state.me.account.id
    if (state.kind !== 'signed-out') return
    const known = account.current
    account.current = null
    if (state.byUser) return
    if (known) {
      void sessionEnded([known])
      return
    }
    // Nobody signed in at start: what an earlier session left behind (it ended while the
    // browser was closed) goes too, after the warning if it holds unsent changes.
    const left = otherAccounts(null)
    if (left.some((id) => pendingOnDevice(id) > 0)) void sessionEnded(left)
    else
      void wipeOtherAccounts(null).then(() =>
        'caches' in window ? caches.delete(API_CACHE).catch(() => false) : false,
      )
  }, [state, sessionEnded])

  const session = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut])
  return (
    <SessionContext.Provider value={session}>
      {children}
      <SignOutWarning
        warning={warning}
        onKeep={() => setWarning(null)}
        onDelete={() => {
          const ending = warning
          setWarning(null)
          if (ending?.reason === 'sign-out') void endSession()
          else if (ending) void wipeAccount(ending.accountId).then(forgetLateAnswers)
        }}
      />
    </SessionContext.Provider>
  )
}

/** The session of the app (inside SessionProvider). */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}

/** The signed-in person; only for pages that render when someone is signed in. */
export function useMe(): Me {
  const { state } = useSession()
  if (state.kind !== 'signed-in') throw new Error('useMe while nobody is signed in')
  return state.me
}
