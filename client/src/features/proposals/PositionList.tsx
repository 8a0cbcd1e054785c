import type { Round } from '../../../../shared/domain/rounds'
import {
  currentPositions,
  positionCounts,
  STANCES,
  type Position,
} from '../../../../shared/domain/proposals'
import { nameOf, type ActorNames } from './actorNames'
import { STANCE_LABELS, formatWhen } from './labels'
import { counted } from '../common/plural'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { provenanceOfPosition } from '../../../../shared/domain/stances/statements'

interface PositionListProps {
  positions: readonly Position[]
  names: ActorNames
  rounds: readonly Round[]
}

function PositionItem({
  p,
  names,
  rounds,
}: {
  p: Position
  names: ActorNames
  rounds: readonly Round[]
}) {
  const round = rounds.find((r) => r.id === p.roundId)
  return (
    <li className={`position stance-${p.stance}`} data-actor={p.actorId}>
      <span className="position-head">
        <strong>{nameOf(names, p.actorId)}</strong>{' '}
        <span className="position-stance">{STANCE_LABELS[p.stance]}</span>
        {round && (
          <span className="position-round"> · {round.place.split(',')[0] || round.name}</span>
        )}
      </span>
      {p.quote && <q className="position-quote">{p.quote}</q>}
      <span className="position-source" title={`Recorded ${formatWhen(p.recordedAt)}`}>
        {p.source}
      </span>
      <ProvenanceBadge provenance={provenanceOfPosition(p)} source={p.source} />
    </li>
  )
}

/**
 * Who said what on a proposal: counts of the current stances, each actor's current position
 * (actor, stance, round, source, quote), and superseded ones greyed under "earlier".
 */
export function PositionList({ positions, names, rounds }: PositionListProps) {
  const current = [...currentPositions(positions).values()]
  const kept = new Set(current.map((p) => p.id))
  const earlier = positions.filter((p) => !kept.has(p.id))
  const counts = positionCounts(current)
  const order = (p: Position) => STANCES.indexOf(p.stance)
  current.sort((a, b) => order(a) - order(b) || a.actorId.localeCompare(b.actorId))
  return (
    <div className="positions">
      <p className="position-counts" data-testid="position-counts">
        <span className="stance-supports">{counted(counts.supports, 'supports', 'support')}</span>
        <span className="stance-opposes">{counted(counts.opposes, 'opposes', 'oppose')}</span>
        <span className="stance-concerns">
          {counted(counts.concerns, 'has concerns', 'have concerns')}
        </span>
        {counts.neutral > 0 && <span className="stance-neutral">{counts.neutral} neutral</span>}
      </p>
      {current.length > 0 && (
        <details className="position-details">
          <summary>Positions ({current.length})</summary>
          <ul className="position-list">
            {current.map((p) => (
              <PositionItem key={p.id} p={p} names={names} rounds={rounds} />
            ))}
          </ul>
          {earlier.length > 0 && (
            <details className="position-earlier">
              <summary>earlier ({earlier.length})</summary>
              <ul className="position-list superseded">
                {earlier.map((p) => (
                  <PositionItem key={p.id} p={p} names={names} rounds={rounds} />
                ))}
              </ul>
            </details>
          )}
        </details>
      )}
    </div>
  )
}
