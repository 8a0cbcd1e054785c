import { useId, useState } from 'react'
import { can, type Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import {
  SESSION_KIND_LABELS,
  SESSION_STATUS_LABELS,
  sessionFacts,
  type Session,
} from '../../../../shared/domain/sessions'
import { describeMembership } from '../../auth/principal'
import { useMe } from '../../auth/SessionContext'
import { linkTo, pathOf, type Navigate } from '../../useRoute'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { useLocalUser } from '../presence/localUser'
import type { ActorNames } from '../proposals/actorNames'
import type { Register } from '../proposals/useRegister'
import { articleNames } from './SessionBoard'
import { SessionProposals } from './SessionProposals'
import { SessionReview } from './SessionReview'
import { SessionText } from './SessionText'
import { formatDay, sessionAccess, whenAndWhere } from './sessionWords'
import type { MainArticle } from './sessionsApi'

interface SessionDetailProps {
  session: Session
  principal: Principal
  rounds: readonly Round[]
  navigate: Navigate
  mainArticles: MainArticle[] | null
  register: Register
  names: ActorNames
  onOpen: (session: Session) => Promise<void>
  onReport: (session: Session) => Promise<void>
  onChanged: (session: Session) => void
}

/**
 * One session: what it is (kind, articles, facilitators, when and where, who may follow), its
 * working text live for those who may read it, "Report back" for its facilitators and the
 * chair, the proposals on its articles, and once it reported back the chair's review.
 */
export function SessionDetail(props: SessionDetailProps) {
  const { session: s, principal, rounds, navigate, mainArticles, register, names } = props
  const id = useId()
  const me = useMe()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const access = sessionAccess(principal, s)
  const manage = can(principal, { type: 'manage-sessions' }).ok
  const facilitate = can(principal, { type: 'facilitate', session: sessionFacts(s) }).ok
  const isFacilitator = s.facilitators.includes(principal.accountId)
  const mine = me.memberships.find((m) => m.negotiationId === s.negotiationId)
  const role = isFacilitator
    ? 'Facilitator'
    : describeMembership(
        principal.membership,
        { actorName: mine?.actorName, groupName: mine?.groupName },
        principal.isAdmin,
      )
  const [user, setUser] = useLocalUser(me.account.id, me.account.displayName, role)
  const board = { page: 'negotiation', id: s.negotiationId, view: 'sessions' } as const

  const act = (run: (session: Session) => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    run(s).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false)
        setProblem((err as Error).message)
      },
    )
  }

  const readOnlyNote =
    s.status === 'reported-back'
      ? 'Reported back: the session’s text is read only now.'
      : isFacilitator
        ? 'Read only.'
        : `Read only — the facilitator${s.facilitators.length > 1 ? 's hold' : ' holds'} the pen (${s.facilitatorNames.join(', ')}).`

  return (
    <main className="sheet session-page" aria-labelledby={`${id}-h`} data-testid="session-page">
      <p className="session-back">
        <a href={pathOf(board)} onClick={linkTo(navigate, board)}>
          ← All sessions
        </a>
      </p>
      <div className="sheet-head">
        <h2 id={`${id}-h`} className="sheet-title">
          {s.name}
        </h2>
        <span className={`session-status session-status-${s.status}`} data-testid="session-status">
          {SESSION_STATUS_LABELS[s.status]}
        </span>
        {s.provenance === 'synthetic' && <ProvenanceBadge provenance="synthetic" />}
        {manage && s.status === 'scheduled' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => act(props.onOpen)}
          >
            Open the session
          </button>
        )}
        {facilitate && s.status === 'in-session' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => act(props.onReport)}
          >
            Report back
          </button>
        )}
      </div>
      <dl className="session-facts">
        <dt>Kind</dt>
        <dd>{SESSION_KIND_LABELS[s.kind]}</dd>
        <dt>Articles</dt>
        <dd>{s.articleIds.length ? articleNames(s, mainArticles).join('; ') : '—'}</dd>
        <dt>{s.facilitators.length > 1 ? 'Co-facilitators' : 'Facilitator'}</dt>
        <dd>{s.facilitatorNames.join(', ') || '—'}</dd>
        <dt>When and where</dt>
        <dd>
          {[s.day ? formatDay(s.day, true) : '', whenAndWhere(s)].filter(Boolean).join(' · ') ||
            'Not set'}
        </dd>
        <dt>Observers</dt>
        <dd>{s.open ? 'Observers may follow' : 'Closed: its attendees only'}</dd>
      </dl>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {/* Once it reported back, what it would change comes first: the chair decides on it. */}
      {s.status === 'reported-back' && access !== 'none' && (
        <SessionReview session={s} decides={manage} onDecided={props.onChanged} />
      )}
      {s.status === 'scheduled' ? (
        <p className="muted" data-testid="session-not-open">
          The session has not opened yet: its text is copied from the main text when the chair opens
          it.
        </p>
      ) : access === 'none' ? (
        <p className="muted" data-testid="session-closed">
          This session is closed: only its facilitators, the chair and its attendees follow its
          text.
        </p>
      ) : (
        <SessionText
          key={access}
          session={s}
          editable={access === 'write'}
          user={user}
          onUserChange={setUser}
          mainArticles={mainArticles}
          readOnlyNote={readOnlyNote}
        />
      )}
      {access !== 'none' && (
        <SessionProposals session={s} register={register} names={names} rounds={rounds} />
      )}
    </main>
  )
}
