import { useId } from 'react'
import type { Principal } from '../../../../shared/domain/policy'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import { STATEMENT_STANCE_LABELS } from '../../../../shared/domain/stances/statements'
import type { Issue } from '../../../../shared/domain/stances/types'
import { StanceEntry } from './StanceEntry'
import { entryParts } from './whoStandsWhere'

interface WhoStandsWhereProps {
  negotiationId: string
  data: StanceData
  principal: Principal
  issue: Issue
  /** The rounds shown, newest first. */
  roundIds: string[]
  onChanged: () => void
}

const PLURAL_LABELS: Record<string, string> = { statement: 'Statements' }

/**
 * "Who stands where" on an issue: for each round shown, the entries on the issue grouped by
 * stance, then apart those said of a parent issue (the source names no specific ground).
 */
export function WhoStandsWhere(props: WhoStandsWhereProps) {
  const { data, issue, roundIds } = props
  const roundName = (id: string) => data.rounds.find((r) => r.id === id)?.name ?? id
  if (roundIds.length === 0) {
    return <p className="muted">Nobody is recorded on this issue or the issues above it yet.</p>
  }
  return (
    <>
      {roundIds.map((roundId) => (
        <RoundEntries key={roundId} {...props} roundId={roundId} roundName={roundName(roundId)} />
      ))}
      {issue.proposalIds.length > 0 && (
        <p className="muted">Entries on the proposals this issue lists count as entries on it.</p>
      )}
    </>
  )
}

function RoundEntries(props: WhoStandsWhereProps & { roundId: string; roundName: string }) {
  const { data, issue, roundId, roundName } = props
  const headingId = useId()
  const parts = entryParts(data, issue.id, roundId)
  return (
    <section className="round-entries" aria-labelledby={headingId} data-round={roundId}>
      <h4 id={headingId}>{roundName}</h4>
      {parts.length === 0 && <p className="muted">Nobody recorded in this round.</p>}
      {parts.map((part) => (
        <div
          key={part.saidOf?.id ?? 'own'}
          className={part.saidOf ? 'said-of-parent' : 'said-of-issue'}
          data-testid={part.saidOf ? 'said-of-parent' : 'said-of-issue'}
        >
          {part.saidOf && (
            <h5>
              Said of {part.saidOf.title} in general{' '}
              <span className="muted">(the source names no specific ground)</span>
            </h5>
          )}
          {part.byStance.map(({ stance, entries }) => (
            <section key={stance} className={`stance-group stance-group-${stance}`}>
              <h5>
                {PLURAL_LABELS[stance] ?? STATEMENT_STANCE_LABELS[stance]}{' '}
                <span className="muted">({entries.length})</span>
              </h5>
              <ul className="stance-entries">
                {entries.map((e) => (
                  <StanceEntry
                    key={e.statement.id}
                    negotiationId={props.negotiationId}
                    data={data}
                    principal={props.principal}
                    statement={e.statement}
                    differs={e.differs}
                    onChanged={props.onChanged}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      ))}
    </section>
  )
}
