import { useEffect, useState } from 'react'
import type { RoundSnapshot } from '../../../../shared/domain/events'
import type { Round } from '../../../../shared/domain/rounds'
import { formatWhen } from '../proposals/labels'
import { linkTo, pathOf, type Navigate, type Route } from '../../useRoute'
import { FrozenText } from './FrozenText'
import { getRoundText } from './roundsApi'

interface RoundTextPageProps {
  negotiationId: string
  roundId: string
  rounds: readonly Round[]
  navigate: Navigate
}

/** A closed round's text as it was frozen, read only, for everyone. */
export function RoundTextPage({ negotiationId, roundId, rounds, navigate }: RoundTextPageProps) {
  const [loaded, setLoaded] = useState<{
    of: string
    snapshot: RoundSnapshot | null
    error: string | null
  } | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    getRoundText(negotiationId, roundId, abort.signal).then(
      (snapshot) => setLoaded({ of: roundId, snapshot, error: null }),
      (e: unknown) => {
        if (abort.signal.aborted) return
        setLoaded({ of: roundId, snapshot: null, error: (e as Error).message })
      },
    )
    return () => abort.abort()
  }, [negotiationId, roundId])
  // What was loaded for another round is not shown while this one loads.
  const { snapshot, error } =
    loaded?.of === roundId ? loaded : { snapshot: null, error: null as string | null }

  const round = rounds.find((r) => r.id === roundId)
  const back: Route = { page: 'negotiation', id: negotiationId, view: 'rounds' }
  return (
    <main className="document round-text" aria-labelledby="round-text-heading">
      <div className="read-only-note round-text-head">
        <a href={pathOf(back)} onClick={linkTo(navigate, back)}>
          ← Rounds
        </a>
        <h2 id="round-text-heading" className="round-text-title">
          {snapshot?.name ?? round?.name ?? roundId}
        </h2>
        {snapshot && (
          <span>
            {round ? `${round.name} · ` : ''}frozen{' '}
            <time dateTime={snapshot.closedAt}>{formatWhen(snapshot.closedAt)}</time>
            {snapshot.closedBy && ` by ${snapshot.closedBy}`}
            {snapshot.synthetic && ' · synthetic (made for the demo)'}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error round-text-error" role="alert">
          {error}
        </p>
      )}
      <div className="page">
        {!snapshot && !error && (
          <p className="loading" role="status">
            Loading the text…
          </p>
        )}
        {snapshot && <FrozenText doc={snapshot.doc} />}
      </div>
    </main>
  )
}
