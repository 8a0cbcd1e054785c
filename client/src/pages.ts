import { lazy, type ComponentType } from 'react'

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

/** Loads the negotiation page's chunk (idempotent: a module loads once). */
export const loadNegotiationPage = () => import('./NegotiationPage')
/** Loads the text workspace's chunk: the editor, y-prosemirror and the proposals beside it. */
export const loadTextWorkspace = () => import('./features/text/TextWorkspace')

/** One negotiation's shell (top bar, text room); its views load on their own. */
export const NegotiationPage = lazyNamed(loadNegotiationPage, 'NegotiationPage')
/** The list of one's negotiations. */
export const NegotiationPicker = lazyNamed(
  () => import('./features/picker/NegotiationPicker'),
  'NegotiationPicker',
)
/** An invitation's page. */
export const InvitationPage = lazyNamed(() => import('./auth/InvitationPage'), 'InvitationPage')
/** The text with its outline, proposals and notes. */
export const TextWorkspace = lazyNamed(loadTextWorkspace, 'TextWorkspace')
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
