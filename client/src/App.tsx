import { Suspense, useEffect } from 'react'
import { SessionProvider, useSession } from './auth/SessionContext'
import { SignInPage } from './auth/SignInPage'
import {
  InvitationPage,
  loadNegotiationPage,
  loadTextWorkspace,
  NegotiationPicker,
  NegotiationPage,
} from './pages'
import { isSafeNext, useRoute } from './useRoute'

// When to ask again after the device comes back online, in milliseconds.
const RETRY_DELAYS = [0, 1_000, 3_000, 7_000, 15_000, 30_000]

/** The server could not be asked who is signed in: says so, and tries again once back online. */
function Unreachable({ message, retry }: { message: string; retry: () => Promise<void> }) {
  useEffect(() => {
    // The network is often not usable the moment the device says it is back (the wifi
    // reconnects, the service worker's network too): a few tries, further and further apart.
    const timers: number[] = []
    const onOnline = () => {
      for (const t of timers.splice(0)) window.clearTimeout(t)
      for (const delay of RETRY_DELAYS) timers.push(window.setTimeout(() => void retry(), delay))
    }
    window.addEventListener('online', onOnline)
    return () => {
      window.removeEventListener('online', onOnline)
      for (const t of timers) window.clearTimeout(t)
    }
  }, [retry])
  return (
    <main className="picker">
      <h1>Plenary cannot be reached</h1>
      <p role="alert">{message}</p>
      <p>It tries again by itself when this device is back online.</p>
      <button type="button" className="button" onClick={() => void retry()}>
        Try again
      </button>
    </main>
  )
}

/** The app: sign-in, invitations, the list of one's negotiations, and a negotiation's views. */
export function App() {
  return (
    <SessionProvider>
      <Pages />
    </SessionProvider>
  )
}

// Where the browser is, as a path to come back to after signing in.
const here = () => window.location.pathname + window.location.search

// Replaces the current entry with a path of the app (the sign-in page is not kept in history).
const goTo = (path: string) => {
  window.history.replaceState(null, '', isSafeNext(path) ? path : '/')
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** Shown while a page's script loads. */
function Loading() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  )
}

function Pages() {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  )
}

function Page() {
  const [route, navigate] = useRoute()
  const { state, refresh } = useSession()
  if (route.page === 'negotiation') {
    // Fetched while the session is asked for, not after: the text page's scripts are the
    // longest wait before an editable text (import() loads a module once).
    void loadNegotiationPage()
    if (route.view === 'text') void loadTextWorkspace()
  }
  const needsSession = route.page === 'picker' || route.page === 'negotiation'

  useEffect(() => {
    // Nobody signed in: to the sign-in page, remembering the page that was wanted.
    if (state.kind === 'signed-out' && needsSession) {
      const next = state.byUser || here() === '/' ? undefined : here()
      navigate({ page: 'signin', next }, { replace: true })
    }
  }, [state, needsSession, navigate])

  const signedIn = state.kind === 'signed-in'
  const next = route.page === 'signin' ? (route.next ?? '/') : null
  useEffect(() => {
    // Signed in on the sign-in page (just now, or in another tab): go where the person wanted.
    if (next !== null && signedIn) goTo(next)
  }, [next, signedIn])

  if (route.page === 'invite') return <InvitationPage token={route.token} navigate={navigate} />
  if (route.page === 'signin') return signedIn ? null : <SignInPage />
  if (state.kind === 'error') return <Unreachable message={state.message} retry={refresh} />
  if (state.kind !== 'signed-in') return <Loading />
  return route.page === 'negotiation' ? (
    <NegotiationPage
      key={route.id}
      negotiationId={route.id}
      view={route.view}
      articleId={route.articleId}
      roundId={route.roundId}
      sessionId={route.sessionId}
      navigate={navigate}
    />
  ) : (
    <NegotiationPicker navigate={navigate} />
  )
}
