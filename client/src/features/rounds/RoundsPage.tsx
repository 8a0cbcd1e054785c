import { useCallback, useEffect, useState } from 'react'
import { can, type Principal } from '../../../../shared/domain/policy'
import type { RoundStatus } from '../../../../shared/domain/rounds'
import { linkTo, pathOf, type Navigate, type Route } from '../../useRoute'
import { CleaningTable } from './CleaningTable'
import { CloseRoundPanel } from './CloseRoundPanel'
import { DocumentSettingsForm } from './DocumentSettingsForm'
import { ImportRevisionPanel } from './ImportRevisionPanel'
import { OpenRoundForm } from './OpenRoundForm'
import { RenumberPanel } from './RenumberPanel'
import { RoundDates } from './RoundList'
import {
  placeOf,
  closeRound,
  hasFrozenText,
  listRounds,
  openPlannedRound,
  openRound,
  type RoundState,
} from './roundsApi'

interface RoundsPageProps {
  negotiationId: string
  principal: Principal
  navigate: Navigate
  /** After a round was opened or closed, so that the rest of the page knows the rounds. */
  onRoundsChanged: () => void
}

const STATUS: Record<RoundStatus, string> = { open: 'open', closed: 'closed', planned: 'planned' }

/**
 * The rounds of a negotiation: each conference with its dates, whether it is open, and the name
 * of its frozen text, which everyone may read; the chair opens a round and closes the open one.
 */
export function RoundsPage({
  negotiationId,
  principal,
  navigate,
  onRoundsChanged,
}: RoundsPageProps) {
  const manage = can(principal, { type: 'manage-rounds' })
  const [rounds, setRounds] = useState<RoundState[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    listRounds(negotiationId, abort.signal).then(setRounds, (e: unknown) => {
      if (!abort.signal.aborted) setError((e as Error).message)
    })
    return () => abort.abort()
  }, [negotiationId, generation])

  // Every change reloads the list, so the page shows what the server holds.
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null)
      try {
        await action()
        setGeneration((g) => g + 1)
        onRoundsChanged()
      } catch (e) {
        setError((e as Error).message)
        throw e
      }
    },
    [onRoundsChanged],
  )

  const open = rounds?.filter((r) => r.status === 'open') ?? []
  const textRoute = (roundId: string): Route => ({
    page: 'negotiation',
    id: negotiationId,
    view: 'rounds',
    roundId,
  })

  return (
    <main
      className={manage.ok ? 'sheet sheet-split' : 'sheet'}
      aria-labelledby="rounds-page-heading"
    >
      <div className="sheet-main">
        <div className="sheet-head">
          <h2 id="rounds-page-heading" className="sheet-title">
            Rounds <span className="count">{rounds?.length ?? ''}</span>
          </h2>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!rounds && !error && <p role="status">Loading the rounds…</p>}
        {rounds && (
          <table className="data-table rounds-table" data-testid="rounds-table">
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Place</th>
                <th scope="col">Dates</th>
                <th scope="col">Status</th>
                <th scope="col">Frozen text</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id} data-round-id={r.id}>
                  <th scope="row">{r.name}</th>
                  <td>{r.place}</td>
                  <td className="round-dates">
                    <RoundDates round={r} />
                  </td>
                  <td>
                    <span className={`round-status round-status-${r.status}`}>
                      {STATUS[r.status]}
                    </span>
                    {manage.ok && r.status === 'planned' && open.length === 0 && (
                      <button
                        type="button"
                        className="button-quiet small"
                        onClick={() =>
                          void run(() => openPlannedRound(negotiationId, r.id)).catch(() => {})
                        }
                      >
                        Open {placeOf(r)}
                      </button>
                    )}
                  </td>
                  <td>
                    {hasFrozenText(r) ? (
                      <a href={pathOf(textRoute(r.id))} onClick={linkTo(navigate, textRoute(r.id))}>
                        {r.snapshotName}
                      </a>
                    ) : (
                      <span className="muted">{r.status === 'closed' ? 'none' : '—'}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {!manage.ok && <p className="muted small">{manage.reason}</p>}
        <CleaningTable negotiationId={negotiationId} generation={generation} />
        <RenumberPanel
          negotiationId={negotiationId}
          canRenumber={manage.ok}
          run={run}
          generation={generation}
        />
      </div>
      {manage.ok && rounds && (
        <aside className="sheet-side" data-testid="round-controls">
          {open.map((r) => (
            <CloseRoundPanel
              key={r.id}
              round={r}
              onClose={(name) => run(() => closeRound(negotiationId, r.id, name))}
            />
          ))}
          <OpenRoundForm
            hasOpenRound={open.length > 0}
            onOpen={(round) => run(() => openRound(negotiationId, round))}
          />
          <ImportRevisionPanel negotiationId={negotiationId} run={run} />
          <DocumentSettingsForm negotiationId={negotiationId} rounds={rounds} />
        </aside>
      )}
    </main>
  )
}
