import { linkTo, pathOf, type Navigate, type NegotiationView, type Route } from '../../useRoute'

const LABELS: Record<NegotiationView, string> = {
  text: 'Text',
  actors: 'Actors',
  members: 'Members',
}

interface NegotiationNavProps {
  negotiationId: string
  current: NegotiationView
  /** The views this person may open (Members only for the chair). */
  views: NegotiationView[]
  navigate: Navigate
}

/** Links between the views of a negotiation: Text, Actors and, for the chair, Members. */
export function NegotiationNav({ negotiationId, current, views, navigate }: NegotiationNavProps) {
  return (
    <nav className="views" aria-label="Views of this negotiation">
      {views.map((view) => {
        const route: Route = { page: 'negotiation', id: negotiationId, view }
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
