import { useEffect, useId, useState } from 'react'
import type { Report } from '../../../../shared/domain/report/types'
import type { CollabRoom } from '../../collab/useCollabRoom'
import type { Participant } from '../actors/actorsApi'
import { useRoomArticles } from '../history/useRoomArticles'
import { hasFrozenText, listRounds, type RoundState } from '../rounds/roundsApi'
import { getReport, reportFileHref, type ReportRequest } from './reportApi'
import { ReportView } from './ReportView'
import './report.css'

interface ReportPageProps {
  negotiationId: string
  room: CollabRoom | null
  participants: Participant[] | null
}

type SinceKind = 'last-visit' | 'time' | 'round'

// A datetime-local value (local time, minutes) for a moment: what the time field shows.
const localValue = (d: Date) => {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/**
 * The report to capital: what changed since a time, the reader's last visit or a closed round's
 * text, for some articles or actors or all, read on the page and downloaded as a Word file.
 */
export function ReportPage({ negotiationId, room, participants }: ReportPageProps) {
  const id = useId()
  const articles = useRoomArticles(room)
  const [rounds, setRounds] = useState<RoundState[]>([])
  const [kind, setKind] = useState<SinceKind>('last-visit')
  const [time, setTime] = useState(() => localValue(new Date(Date.now() - 24 * 3600_000)))
  const [roundId, setRoundId] = useState('')
  const [article, setArticle] = useState('')
  const [actor, setActor] = useState('')
  const [asked, setAsked] = useState<ReportRequest | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  useEffect(() => {
    const abort = new AbortController()
    listRounds(negotiationId, abort.signal).then(
      (all) => setRounds(all.filter(hasFrozenText)),
      () => {},
    )
    return () => abort.abort()
  }, [negotiationId])

  const since = (): string | null => {
    if (kind === 'last-visit') return 'last-visit'
    if (kind === 'round') return roundId ? `round:${roundId}` : null
    const t = new Date(time)
    return Number.isNaN(t.getTime()) ? null : t.toISOString()
  }

  const show = async (e: React.FormEvent) => {
    e.preventDefault()
    const s = since()
    if (!s) {
      setError(kind === 'round' ? 'Choose a closed round.' : 'Enter a date and time.')
      return
    }
    const r: ReportRequest = {
      since: s,
      articles: article ? [article] : [],
      actors: actor ? [actor] : [],
    }
    setError(null)
    setLoading(true)
    try {
      setReport((await getReport(negotiationId, r)).report)
      setAsked(r)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setLoading(false)
    }
  }

  return (
    <main className="sheet report-page" aria-labelledby={`${id}-heading`}>
      <div className="sheet-head">
        <h2 id={`${id}-heading`} className="sheet-title">
          Report: what changed
        </h2>
      </div>
      <form className="report-form" onSubmit={(e) => void show(e)} aria-label="What to report">
        <fieldset>
          <legend>Since</legend>
          <label>
            <input
              type="radio"
              name={`${id}-since`}
              checked={kind === 'last-visit'}
              onChange={() => setKind('last-visit')}
            />{' '}
            my last visit
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-since`}
              checked={kind === 'time'}
              onChange={() => setKind('time')}
            />{' '}
            a time
          </label>
          <input
            type="datetime-local"
            aria-label="Since this time"
            value={time}
            onChange={(e) => {
              setTime(e.target.value)
              setKind('time')
            }}
          />
          <label>
            <input
              type="radio"
              name={`${id}-since`}
              checked={kind === 'round'}
              onChange={() => setKind('round')}
              disabled={rounds.length === 0}
            />{' '}
            a round’s text
          </label>
          <select
            aria-label="Since this round’s frozen text"
            value={roundId}
            onChange={(e) => {
              setRoundId(e.target.value)
              setKind('round')
            }}
          >
            <option value="">Choose a closed round…</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.snapshotName} ({r.name})
              </option>
            ))}
          </select>
        </fieldset>
        <label>
          Article{' '}
          <select value={article} onChange={(e) => setArticle(e.target.value)}>
            <option value="">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                Article {a.label}
                {a.title ? ` — ${a.title}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Actor{' '}
          <select value={actor} onChange={(e) => setActor(e.target.value)}>
            <option value="">All actors</option>
            {(participants ?? []).map((p) => (
              <option key={p.actor.id} value={p.actor.id}>
                {p.actor.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={loading}>
          {loading ? 'Reading…' : 'Show the report'}
        </button>
        {report && asked && (
          <>
            <a
              className="button"
              href={reportFileHref(negotiationId, asked, report, 'docx')}
              download
            >
              Download as Word (DOCX)
            </a>
            <a
              className="button"
              href={reportFileHref(negotiationId, asked, report, 'html')}
              download
            >
              Print page (HTML)
            </a>
          </>
        )}
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && <ReportView report={report} />}
    </main>
  )
}
