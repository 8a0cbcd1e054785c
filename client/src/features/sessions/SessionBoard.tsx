import { useId, useState } from 'react'
import { can, type Principal } from '../../../../shared/domain/policy'
import {
  SESSION_KIND_LABELS,
  SESSION_STATUS_LABELS,
  sessionsOn,
  type Session,
  type SessionInput,
} from '../../../../shared/domain/sessions'
import type { Issue } from '../../../../shared/domain/stances/types'
import { linkTo, pathOf, type Navigate } from '../../useRoute'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import type { Member } from '../members/membersApi'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { SessionForm } from './SessionForm'
import {
  boardDay,
  formatDay,
  sessionAccess,
  sessionDays,
  todayIso,
  whenAndWhere,
} from './sessionWords'
import type { MainArticle } from './sessionsApi'

interface SessionBoardProps {
  negotiationId: string
  principal: Principal
  navigate: Navigate
  sessions: Session[] | null
  error: string | null
  articles: MainArticle[] | null
  issues: Issue[]
  members: Member[] | null
  actors: ActorChoice[]
  onCreate: (input: SessionInput) => Promise<void>
  onChange: (session: Session, input: SessionInput) => Promise<void>
  onOpen: (session: Session) => Promise<void>
}

/** "Art. 2 · Definitions" for each article of a session, as the main text numbers it now. */
export function articleNames(
  session: Pick<Session, 'articleIds'>,
  articles: readonly MainArticle[] | null,
): string[] {
  return session.articleIds.map((id) => {
    const a = articles?.find((x) => x.id === id)
    return a
      ? `Art. ${a.label}${a.title ? ` · ${a.title}` : ''}`
      : 'An article no longer in the text'
  })
}

/**
 * The board of a day's sessions: name, kind, articles, facilitators, time and place, status and
 * whether observers may follow, each linked to its text for those who may read it; the chair
 * creates, edits and opens sessions here.
 */
export function SessionBoard(props: SessionBoardProps) {
  const { negotiationId, principal, navigate, sessions, error, articles } = props
  const id = useId()
  const manage = can(principal, { type: 'manage-sessions' }).ok
  const [chosenDay, setChosenDay] = useState<string | null>(null)
  const [editing, setEditing] = useState<Session | 'new' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const today = todayIso()
  const day = chosenDay ?? boardDay(sessions ?? [], today)
  const days = [...new Set([...sessionDays(sessions ?? []), day, today])].sort()
  const shown = sessionsOn(sessions ?? [], day)
  const undated = (sessions ?? []).filter((s) => !s.day)

  const open = (s: Session) => {
    setProblem(null)
    props.onOpen(s).catch((err: unknown) => setProblem((err as Error).message))
  }

  const card = (s: Session) => {
    const access = sessionAccess(principal, s)
    const route = {
      page: 'negotiation',
      id: negotiationId,
      view: 'sessions',
      sessionId: s.id,
    } as const
    const where = whenAndWhere(s)
    return (
      <li key={s.id}>
        <article
          className="session-card"
          aria-labelledby={`${id}-${s.id}`}
          data-testid="session-card"
          data-session-id={s.id}
        >
          <header className="session-card-head">
            <h3 id={`${id}-${s.id}`} className="session-name">
              {access !== 'none' ? (
                <a href={pathOf(route)} onClick={linkTo(navigate, route)}>
                  {s.name}
                </a>
              ) : (
                s.name
              )}
            </h3>
            <span
              className={`session-status session-status-${s.status}`}
              data-testid="session-status"
            >
              {SESSION_STATUS_LABELS[s.status]}
            </span>
            {s.provenance === 'synthetic' && <ProvenanceBadge provenance="synthetic" />}
          </header>
          <dl className="session-facts">
            <dt>Kind</dt>
            <dd>{SESSION_KIND_LABELS[s.kind]}</dd>
            <dt>Articles</dt>
            <dd>{s.articleIds.length ? articleNames(s, articles).join('; ') : '—'}</dd>
            {s.issueIds.length > 0 && (
              <>
                <dt>Issues</dt>
                <dd>
                  {s.issueIds
                    .map((i) => props.issues.find((x) => x.id === i)?.title ?? i)
                    .join('; ')}
                </dd>
              </>
            )}
            <dt>{s.facilitators.length > 1 ? 'Co-facilitators' : 'Facilitator'}</dt>
            <dd>{s.facilitatorNames.join(', ') || '—'}</dd>
            <dt>When and where</dt>
            <dd>{where || 'Not set'}</dd>
            <dt>Observers</dt>
            <dd data-testid="session-openness">{s.open ? 'Observers may follow' : 'Closed'}</dd>
          </dl>
          {manage && (
            <p className="session-card-actions">
              {s.status === 'scheduled' && (
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => open(s)}
                  aria-label={`Open ${s.name}`}
                >
                  Open
                </button>
              )}
              <button
                type="button"
                className="button"
                onClick={() => setEditing(s)}
                aria-label={`Edit ${s.name}`}
              >
                Edit
              </button>
            </p>
          )}
        </article>
      </li>
    )
  }

  return (
    <main className="sheet sessions-board" aria-labelledby={`${id}-h`}>
      <div className="sheet-head">
        <h2 id={`${id}-h`} className="sheet-title">
          Sessions
        </h2>
        <div className="field">
          <label htmlFor={`${id}-day`}>Day</label>
          <select id={`${id}-day`} value={day} onChange={(e) => setChosenDay(e.target.value)}>
            {days.map((d) => (
              <option key={d} value={d}>
                {formatDay(d, true)}
                {d === today ? ' (today)' : ''}
              </option>
            ))}
          </select>
        </div>
        {manage && editing === null && (
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            New session
          </button>
        )}
      </div>
      {editing !== null && (
        <SessionForm
          key={editing === 'new' ? 'new' : editing.id}
          session={editing === 'new' ? null : editing}
          day={day}
          articles={articles}
          issues={props.issues}
          members={props.members}
          actors={props.actors}
          onCancel={() => setEditing(null)}
          onSave={async (input) => {
            if (editing === 'new') await props.onCreate(input)
            else await props.onChange(editing, input)
            if (input.day) setChosenDay(input.day)
            setEditing(null)
          }}
        />
      )}
      {error && !sessions && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {!sessions && !error && (
        <p className="muted" role="status">
          Loading the sessions…
        </p>
      )}
      {sessions && (
        <section aria-labelledby={`${id}-day-h`}>
          <h3 id={`${id}-day-h`} className="panel-heading">
            {formatDay(day, true)}
            {day === today ? ' (today)' : ''} <span className="count">{shown.length}</span>
          </h3>
          {shown.length === 0 ? (
            <p className="muted">No session on this day.</p>
          ) : (
            <ul className="session-cards">{shown.map(card)}</ul>
          )}
        </section>
      )}
      {undated.length > 0 && (
        <section aria-labelledby={`${id}-undated-h`}>
          <h3 id={`${id}-undated-h`} className="panel-heading">
            Not yet given a day <span className="count">{undated.length}</span>
          </h3>
          <ul className="session-cards">{undated.map(card)}</ul>
        </section>
      )}
    </main>
  )
}
