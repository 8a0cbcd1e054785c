import { useCallback, useSyncExternalStore } from 'react'

/** What the address bar points at: the negotiation list, or one negotiation's text. */
export type Route = { page: 'picker' } | { page: 'negotiation'; id: string }

/** Parses a pathname: `/n/<id>` is a negotiation, anything else the picker. */
export function parseRoute(pathname: string): Route {
  const match = /^\/n\/([^/]+)\/?$/.exec(pathname)
  return match?.[1] ? { page: 'negotiation', id: decodeURIComponent(match[1]) } : { page: 'picker' }
}

/** The path of a route, for links. */
export const pathOf = (route: Route): string =>
  route.page === 'negotiation' ? `/n/${encodeURIComponent(route.id)}` : '/'

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange)
  return () => window.removeEventListener('popstate', onChange)
}

/** The current route and a function to navigate (history.pushState, no reload). */
export function useRoute(): [Route, (route: Route) => void] {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname)
  const navigate = useCallback((route: Route) => {
    window.history.pushState(null, '', pathOf(route))
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, [])
  return [parseRoute(pathname), navigate]
}
