import { useCallback, useSyncExternalStore } from 'react'
import type { Session } from '../../../../shared/domain/sessions'
import { listSessions } from './sessionsApi'

/** The sessions of a negotiation as this browser knows them. */
export interface SessionsState {
  /** Null until the first answer. */
  sessions: Session[] | null
  error: string | null
}

interface Entry {
  state: SessionsState
  listeners: Set<() => void>
  timer: ReturnType<typeof setInterval> | null
  loading: boolean
}

/** How often a page showing sessions asks again (their status changes from other browsers). */
const POLL_MS = 10_000
const entries = new Map<string, Entry>()
const EMPTY: SessionsState = { sessions: null, error: null }

const entryOf = (negotiationId: string): Entry => {
  let entry = entries.get(negotiationId)
  if (!entry) {
    entry = { state: EMPTY, listeners: new Set(), timer: null, loading: false }
    entries.set(negotiationId, entry)
  }
  return entry
}

/** Asks the server again for a negotiation's sessions; every page showing them updates. */
export function reloadSessions(negotiationId: string): void {
  const entry = entryOf(negotiationId)
  if (entry.loading) return
  entry.loading = true
  listSessions(negotiationId).then(
    (sessions) => {
      entry.loading = false
      // The same answer as before re-renders nothing (the outline asks every few seconds).
      const same =
        entry.state.error === null &&
        JSON.stringify(entry.state.sessions) === JSON.stringify(sessions)
      if (same) return
      entry.state = { sessions, error: null }
      entry.listeners.forEach((l) => l())
    },
    (err: unknown) => {
      entry.loading = false
      entry.state = { sessions: entry.state.sessions, error: (err as Error).message }
      entry.listeners.forEach((l) => l())
    },
  )
}

/** Puts a session the server just answered into the list at once. */
export function putSession(session: Session): void {
  const entry = entryOf(session.negotiationId)
  const list = entry.state.sessions ?? []
  const next = list.some((s) => s.id === session.id)
    ? list.map((s) => (s.id === session.id ? session : s))
    : [...list, session]
  entry.state = { sessions: next, error: null }
  entry.listeners.forEach((l) => l())
}

const onFocus = () => {
  for (const [id, entry] of entries) if (entry.listeners.size > 0) reloadSessions(id)
}

/**
 * A negotiation's sessions, loaded once for every component of the page that shows them (the
 * outline, the board, a session's page), asked again every few seconds while shown and when
 * the window regains focus.
 */
export function useSessions(negotiationId: string | null): SessionsState & { reload: () => void } {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!negotiationId) return () => {}
      const entry = entryOf(negotiationId)
      entry.listeners.add(listener)
      if (entry.listeners.size === 1) {
        reloadSessions(negotiationId)
        entry.timer = setInterval(() => reloadSessions(negotiationId), POLL_MS)
        // The same function each time: the browser keeps one listener.
        window.addEventListener('focus', onFocus)
      }
      return () => {
        entry.listeners.delete(listener)
        if (entry.listeners.size === 0 && entry.timer) {
          clearInterval(entry.timer)
          entry.timer = null
        }
      }
    },
    [negotiationId],
  )
  const state = useSyncExternalStore(subscribe, () =>
    negotiationId ? entryOf(negotiationId).state : EMPTY,
  )
  const reload = useCallback(() => {
    if (negotiationId) reloadSessions(negotiationId)
  }, [negotiationId])
  return { ...state, reload }
}
