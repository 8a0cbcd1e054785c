import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { ApiError, SIGNED_OUT_EVENT } from '../api'
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
  /** Ends the session on the server and here. */
  signOut: () => Promise<void>
}

const SessionContext = createContext<Session | null>(null)

// Asks the server who is signed in: `null` (or a 401) means nobody, other failures are shown.
const loadSession = (): Promise<SessionState> =>
  getMe().then(
    (me) => (me ? { kind: 'signed-in', me } : { kind: 'signed-out' }),
    (error: unknown) =>
      error instanceof ApiError && error.status === 401
        ? { kind: 'signed-out' }
        : { kind: 'error', message: (error as Error).message },
  )

/** Loads `/api/me` once, and follows sign-in, sign-out and any 401 the API answers. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' })

  const refresh = useCallback(() => loadSession().then(setState), [])

  const signOut = useCallback(async () => {
    // Signed out here even if the server could not be reached: the cookie is the server's.
    await logout().catch(() => {})
    setState({ kind: 'signed-out', byUser: true })
  }, [])

  useEffect(() => {
    void loadSession().then(setState)
    // A 401 from any request: the session has ended (unless the person just signed out).
    const onSignedOut = () =>
      setState((s) => (s.kind === 'signed-out' ? s : { kind: 'signed-out' }))
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut)
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut)
  }, [refresh])

  const session = useMemo(() => ({ state, refresh, signOut }), [state, refresh, signOut])
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
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
