import {
  articleSessionPhrase,
  sessionOnArticle,
  type Session,
} from '../../../../shared/domain/sessions'
import { linkTo, pathOf, useRoute } from '../../useRoute'
import { useSessions } from './useSessions'

/** The sessions of the negotiation the address shows, for pieces that have no negotiation id. */
export function useRouteSessions(): { negotiationId: string | null; sessions: Session[] } {
  const [route] = useRoute()
  const negotiationId = route.page === 'negotiation' ? route.id : null
  const { sessions } = useSessions(negotiationId)
  return { negotiationId, sessions: sessions ?? [] }
}

/**
 * Under an article of the outline, where it is being negotiated now: "Art. 2 · in informal
 * consultations", linked to the session's page (which says whether its text may be followed).
 */
export function ArticleSessionLink(props: {
  negotiationId: string
  sessions: readonly Session[]
  articleId: string
  label: string
}) {
  const [, navigate] = useRoute()
  const session = sessionOnArticle(props.sessions, props.articleId)
  if (!session) return null
  const route = {
    page: 'negotiation',
    id: props.negotiationId,
    view: 'sessions',
    sessionId: session.id,
  } as const
  return (
    <a
      className="outline-session"
      href={pathOf(route)}
      onClick={linkTo(navigate, route)}
      data-testid="outline-session"
      title={session.name}
    >
      Art. {props.label} · {articleSessionPhrase(session)}
    </a>
  )
}
