import { linkTo, pathOf, type Navigate, type NegotiationView, type Route } from '../../useRoute'

const LABELS: Record<NegotiationView, string> = {
  text: 'Text',
  history: 'History',
  report: 'Report',
  rounds: 'Rounds',
  issues: 'Issues',
  positions: 'Positions',
  map: 'Map',
  targets: 'Targets',
  rooms: 'Rooms',
  sessions: 'Sessions',
  actors: 'Actors',
  members: 'Members',
}

interface NegotiationNavProps {
  negotiationId: string
  current: NegotiationView
  /** The views this person may open (Members only for the chair). */
  views: NegotiationView[]
  navigate: Navigate
  /** The article "History" opens: the one the reader is in, if any. */
  historyArticleId?: string | null
}

/**
 * Links between the views of a negotiation: Text, History (of the current article), Rounds,
 * Actors and, for the chair, Members.
 */
export function NegotiationNav(props: NegotiationNavProps) {
  const { negotiationId, current, views, navigate, historyArticleId } = props
  return (
    <nav className="views" aria-label="Views of this negotiation">
      {views.map((view) => {
        const route: Route =
          view === 'history' && historyArticleId
            ? { page: 'negotiation', id: negotiationId, view, articleId: historyArticleId }
            : { page: 'negotiation', id: negotiationId, view }
        return (
          <a
            key={view}
            className="view-link"
            href={pathOf(route)}
            aria-current={view === current ? 'page' : undefined}
            onClick={linkTo(navigate, route)}
          >
            {LABELS[view]}
          </a>
        )
      })}
    </nav>
  )
}
