import { useCallback, useMemo, useSyncExternalStore } from 'react'

/** The views of one negotiation: its text, an article's history, its rounds, actors, members. */
export const NEGOTIATION_VIEWS = [
  'text',
  'history',
  'report',
  'rounds',
  'issues',
  'positions',
  'map',
  'targets',
  'rooms',
  'sessions',
  'actors',
  'members',
] as const
/** One view of a negotiation. */
export type NegotiationView = (typeof NEGOTIATION_VIEWS)[number]

/** What the address bar points at. */
export type Route =
  | { page: 'picker' }
  | { page: 'signin'; next?: string }
  | { page: 'invite'; token: string }
  | {
      page: 'negotiation'
      id: string
      view: NegotiationView
      /** The article whose history is shown (view 'history'). */
      articleId?: string
      /** The closed round whose text is shown (view 'rounds'). */
      roundId?: string
      /** The session whose text is shown (view 'sessions'). */
      sessionId?: string
    }

/** Whether a path may be returned to after signing in (same app, not another site). */
export const isSafeNext = (path: string | null | undefined): path is string =>
  !!path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/signin')

/**
 * Parses a location: `/n/<id>[/history|/report|/rounds|/issues|/positions|/map|/targets|/rooms|/sessions|/actors|/members]` is a negotiation,
 * `/n/<id>/sessions/<session>` a session's text,
 * `/n/<id>/articles/<article>/history` an article's history, `/n/<id>/rounds/<round>/text` a
 * closed round's text, `/signin?next=…` the sign-in page, `/invite/<token>` an invitation,
 * anything else the picker.
 */
export function parseRoute(pathname: string, search = ''): Route {
  const negotiation =
    /^\/n\/([^/]+)(?:\/(history|report|rounds|issues|positions|map|targets|rooms|sessions|actors|members))?\/?$/.exec(
      pathname,
    )
  if (negotiation?.[1]) {
    const view = (negotiation[2] as NegotiationView | undefined) ?? 'text'
    return { page: 'negotiation', id: decodeURIComponent(negotiation[1]), view }
  }
  const history = /^\/n\/([^/]+)\/articles\/([^/]+)\/history\/?$/.exec(pathname)
  if (history?.[1] && history[2]) {
    const [id, articleId] = [decodeURIComponent(history[1]), decodeURIComponent(history[2])]
    return { page: 'negotiation', id, view: 'history', articleId }
  }
  const session = /^\/n\/([^/]+)\/sessions\/([^/]+)\/?$/.exec(pathname)
  if (session?.[1] && session[2]) {
    const [id, sessionId] = [decodeURIComponent(session[1]), decodeURIComponent(session[2])]
    return { page: 'negotiation', id, view: 'sessions', sessionId }
  }
  const roundText = /^\/n\/([^/]+)\/rounds\/([^/]+)\/text\/?$/.exec(pathname)
  if (roundText?.[1] && roundText[2]) {
    const [id, roundId] = [decodeURIComponent(roundText[1]), decodeURIComponent(roundText[2])]
    return { page: 'negotiation', id, view: 'rounds', roundId }
  }
  if (/^\/signin\/?$/.test(pathname)) {
    const next = new URLSearchParams(search).get('next')
    return isSafeNext(next) ? { page: 'signin', next } : { page: 'signin' }
  }
  const invite = /^\/invite\/([^/]+)\/?$/.exec(pathname)
  if (invite?.[1]) return { page: 'invite', token: decodeURIComponent(invite[1]) }
  return { page: 'picker' }
}

/** The path of a route, for links. */
export function pathOf(route: Route): string {
  switch (route.page) {
    case 'picker':
      return '/'
    case 'signin':
      return route.next ? `/signin?next=${encodeURIComponent(route.next)}` : '/signin'
    case 'invite':
      return `/invite/${encodeURIComponent(route.token)}`
    case 'negotiation': {
      const base = `/n/${encodeURIComponent(route.id)}`
      if (route.view === 'history' && route.articleId) {
        return `${base}/articles/${encodeURIComponent(route.articleId)}/history`
      }
      if (route.view === 'sessions' && route.sessionId) {
        return `${base}/sessions/${encodeURIComponent(route.sessionId)}`
      }
      if (route.view === 'rounds' && route.roundId) {
        return `${base}/rounds/${encodeURIComponent(route.roundId)}/text`
      }
      return route.view === 'text' ? base : `${base}/${route.view}`
    }
  }
}

/** Moves to a route; `replace` for redirects, so that Back does not return to them. */
export type Navigate = (route: Route, options?: { replace?: boolean }) => void

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange)
  return () => window.removeEventListener('popstate', onChange)
}

const currentLocation = () => window.location.pathname + window.location.search

/** Moves to a route from anywhere (history API, no reload), as `useRoute`'s navigate does. */
export const navigateTo: Navigate = (next, options) => {
  if (options?.replace) window.history.replaceState(null, '', pathOf(next))
  else window.history.pushState(null, '', pathOf(next))
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** The current route and a function to navigate (history API, no reload). */
export function useRoute(): [Route, Navigate] {
  const location = useSyncExternalStore(subscribe, currentLocation)
  const route = useMemo(() => {
    const url = new URL(location, window.location.origin)
    return parseRoute(url.pathname, url.search)
  }, [location])
  const navigate = useCallback<Navigate>((next, options) => navigateTo(next, options), [])
  return [route, navigate]
}

/** Click handler for an in-app link: plain clicks navigate, modified clicks open a tab. */
export const linkTo =
  (navigate: Navigate, route: Route) =>
  (e: {
    metaKey: boolean
    ctrlKey: boolean
    shiftKey: boolean
    button: number
    preventDefault(): void
  }) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
    e.preventDefault()
    navigate(route)
  }
