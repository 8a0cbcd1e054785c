import { useCallback, useEffect, useId, useState } from 'react'
import type { Session, SessionOutcome } from '../../../../shared/domain/sessions'
import { formatWhen } from '../proposals/labels'
import { DiffCounts, DiffLegend, DiffView } from '../history/DiffView'
import type { DiffParagraph } from '../history/historyApi'
import {
  decideArticle,
  getSessionChanges,
  type ChangeDiff,
  type SessionChangeView,
} from './sessionsApi'

interface SessionReviewProps {
  session: Session
  /** Whether this person decides (the chair): else the review is read only. */
  decides: boolean
  /** The session as the server answered after a decision. */
  onDecided: (session: Session) => void
}

/**
 * The paragraphs a review shows: those the session changed (the rest is the main text's
 * wording as it is), or all of them; null for a diff without paragraphs (shown flat).
 */
export function paragraphsShown(diff: ChangeDiff, all: boolean): DiffParagraph[] | null {
  if (diff.paragraphs.length === 0) return null
  return all ? diff.paragraphs : diff.paragraphs.filter((p) => p.op !== 'equal')
}

/** "Applied to the main text by Chair (Norway), 22 May 2026, 16:05". */
function Outcome({ outcome }: { outcome: SessionOutcome }) {
  return (
    <p
      className={`session-outcome session-outcome-${outcome.outcome}`}
      role="status"
      data-testid="session-outcome"
    >
      {outcome.outcome === 'applied' ? 'Applied to the main text' : 'Left: the main text stays'} by{' '}
      {outcome.byName}, <time dateTime={outcome.at}>{formatWhen(outcome.at)}</time>
    </p>
  )
}

/**
 * The chair's review of a session that reported back: per article, what its text would change
 * in the main text now (the same comparison as an article's history), with "Apply to the main
 * text" or "Leave", and what was decided.
 */
export function SessionReview({ session, decides, onDecided }: SessionReviewProps) {
  const id = useId()
  const [changes, setChanges] = useState<SessionChangeView[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  // Articles whose whole wording is shown, not only the paragraphs the session changed.
  const [whole, setWhole] = useState<ReadonlySet<string>>(new Set())
  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  useEffect(() => {
    const abort = new AbortController()
    getSessionChanges(session.negotiationId, session.id, abort.signal).then(
      (list) => {
        setChanges(list)
        setError(null)
      },
      (err: unknown) => !abort.signal.aborted && setError((err as Error).message),
    )
    return () => abort.abort()
  }, [session.negotiationId, session.id, generation])

  const decide = (articleId: string, decision: 'apply' | 'leave') => {
    setBusy(articleId)
    setError(null)
    decideArticle(session.negotiationId, session.id, articleId, decision).then(
      (next) => {
        setBusy(null)
        onDecided(next)
        reload()
      },
      (err: unknown) => {
        setBusy(null)
        setError((err as Error).message)
      },
    )
  }

  return (
    <section className="session-review" aria-labelledby={`${id}-h`} data-testid="session-review">
      <h3 id={`${id}-h`} className="panel-heading">
        {decides ? 'Bring its text into the main text' : 'Its text against the main text'}
      </h3>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!changes && !error && (
        <p className="muted" role="status">
          Comparing with the main text…
        </p>
      )}
      {changes?.length === 0 && <p className="muted">The session covers no article.</p>}
      {changes?.map((c) => {
        // The latest decision counts: the server's list, else what the change says.
        const outcome =
          [...session.outcomes].reverse().find((o) => o.articleId === c.articleId) ?? c.outcome
        return (
          <article
            key={c.articleId}
            className="session-change"
            aria-labelledby={`${id}-${c.articleId}`}
            data-testid="session-change"
            data-article-id={c.articleId}
          >
            <header className="session-change-head">
              <h4 id={`${id}-${c.articleId}`}>{c.label}</h4>
              {c.diff && <DiffCounts parts={c.diff.parts} />}
            </header>
            {c.missing ? (
              <p className="muted">
                This article is no longer in the main text: there is nothing to apply it to.
              </p>
            ) : !c.changed ? (
              <p className="muted">The session’s wording is the main text’s: nothing changed.</p>
            ) : c.diff ? (
              <>
                <label className="session-diff-toggle">
                  <input
                    type="checkbox"
                    checked={whole.has(c.articleId)}
                    onChange={(e) =>
                      setWhole((w) => {
                        const next = new Set(w)
                        if (e.target.checked) next.add(c.articleId)
                        else next.delete(c.articleId)
                        return next
                      })
                    }
                  />
                  Show the unchanged paragraphs too
                </label>
                <DiffView
                  parts={c.diff.parts}
                  paragraphs={paragraphsShown(c.diff, whole.has(c.articleId))}
                  granularity={c.diff.granularity}
                  label={`${c.label}: the main text now → the session’s text`}
                />
                <DiffLegend />
              </>
            ) : null}
            {outcome && <Outcome outcome={outcome} />}
            {decides && !outcome && !c.missing && (
              <p className="session-change-actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy !== null || !c.changed}
                  onClick={() => decide(c.articleId, 'apply')}
                  aria-label={`Apply ${c.label} to the main text`}
                >
                  Apply to the main text
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={busy !== null}
                  onClick={() => decide(c.articleId, 'leave')}
                  aria-label={`Leave ${c.label}`}
                >
                  Leave
                </button>
              </p>
            )}
          </article>
        )
      })}
    </section>
  )
}
