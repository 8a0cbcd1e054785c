import { createElement, lazy, type ComponentType } from 'react'

// Each page of the app is a chunk of its own, loaded the first time it is shown: the script that
// index.html names stays small (issue 15), and a page's libraries (the editor, Yjs, d3-geo and the
// world atlas, the diff) reach only those who open it. The service worker precaches every chunk,
// so they load offline too.

// A named export of a module loaded on demand, as a component React.lazy can suspend on.
function lazyNamed<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }))
}

/**
 * A page the app fetches ahead (while the session is asked for), as its loader and component:
 * once its chunk is in, the component renders at once. React.lazy suspends on its first render
 * even when the module is loaded, and React then holds what the fallback hid for at least 300 ms
 * after showing it (FALLBACK_THROTTLE_MS): on the text page that held back the text's connection
 * and then its editor, by up to 300 ms each (issue 15). Until the chunk is in it suspends as
 * before; the way it rendered first stays, so that an element never changes type under React.
 */
function fetchedAhead<K extends string, P extends object>(
  importer: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  let ready: ComponentType<P> | undefined
  const load = () =>
    importer().then((m) => {
      ready = m[name]
      return m
    })
  const Lazy = lazyNamed(load, name) as unknown as ComponentType<P>
  let direct: boolean | undefined
  function FetchedAhead(props: P) {
    direct ??= ready !== undefined
    return createElement((direct && ready) || Lazy, props)
  }
  FetchedAhead.displayName = name
  return { load, Component: FetchedAhead }
}

const negotiationPage = fetchedAhead(() => import('./NegotiationPage'), 'NegotiationPage')
const textWorkspace = fetchedAhead(() => import('./features/text/TextWorkspace'), 'TextWorkspace')

/** Loads the negotiation page's chunk (idempotent: a module loads once). */
export const loadNegotiationPage = negotiationPage.load
/** Loads the text workspace's chunk: the editor, y-prosemirror and the proposals beside it. */
export const loadTextWorkspace = textWorkspace.load

/** One negotiation's shell (top bar, text room); its views load on their own. */
export const NegotiationPage = negotiationPage.Component
/** The list of one's negotiations. */
export const NegotiationPicker = lazyNamed(
  () => import('./features/picker/NegotiationPicker'),
  'NegotiationPicker',
)
/** An invitation's page. */
export const InvitationPage = lazyNamed(() => import('./auth/InvitationPage'), 'InvitationPage')
/** The text with its outline, proposals and notes. */
export const TextWorkspace = textWorkspace.Component
/** An article's history. */
export const HistoryPage = lazyNamed(() => import('./features/history/HistoryPage'), 'HistoryPage')
/** The negotiation's report. */
export const ReportPage = lazyNamed(() => import('./features/report/ReportPage'), 'ReportPage')
/** The rounds. */
export const RoundsPage = lazyNamed(() => import('./features/rounds/RoundsPage'), 'RoundsPage')
/** A closed round's frozen text. */
export const RoundTextPage = lazyNamed(
  () => import('./features/rounds/RoundTextPage'),
  'RoundTextPage',
)
/** The issues. */
export const IssuesPage = lazyNamed(() => import('./features/issues/IssuesPage'), 'IssuesPage')
/** The positions matrix. */
export const MatrixPage = lazyNamed(() => import('./features/matrix/MatrixPage'), 'MatrixPage')
/** The map (its shapes load later still, with the map itself). */
export const MapPage = lazyNamed(() => import('./features/map/MapPage'), 'MapPage')
/** A campaign's targets. */
export const TargetsPage = lazyNamed(() => import('./features/targets/TargetsPage'), 'TargetsPage')
/** The groups' rooms. */
export const RoomsPage = lazyNamed(() => import('./features/groups/RoomsPage'), 'RoomsPage')
/** The sessions. */
export const SessionsPage = lazyNamed(
  () => import('./features/sessions/SessionsPage'),
  'SessionsPage',
)
/** The actors. */
export const ActorsPage = lazyNamed(() => import('./features/actors/ActorsPage'), 'ActorsPage')
/** The members. */
export const MembersPage = lazyNamed(() => import('./features/members/MembersPage'), 'MembersPage')
