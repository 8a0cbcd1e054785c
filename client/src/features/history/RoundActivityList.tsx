import { nameOf, type ActorNames } from '../proposals/actorNames'
import { STANCE_LABELS, STATUS_LABELS, formatWhen } from '../proposals/labels'
import type { RoundActivity } from './historySelectors'

interface RoundActivityListProps {
  activity: RoundActivity
  names: ActorNames
  /** "During Vienna", "Since the last frozen text". */
  heading: string
}

/** The status changes and positions on the article's proposals during one round. */
export function RoundActivityList({ activity, names, heading }: RoundActivityListProps) {
  const { changes, positions } = activity
  if (changes.length === 0 && positions.length === 0) return null
  return (
    <div className="round-activity" data-testid="round-activity">
      <h4 className="round-activity-heading">{heading}</h4>
      <ul className="round-activity-list">
        {changes.map(({ proposal, change }) => (
          <li key={`${proposal.id}-${change.at}-${change.to}`} className="activity-change">
            <span className={`status-badge status-${change.to}`}>{STATUS_LABELS[change.to]}</span>{' '}
            <strong>{proposal.title}</strong>{' '}
            <span className="muted">
              ({proposal.sponsors.map((id) => nameOf(names, id)).join(', ')}) by {change.byName},{' '}
              <time dateTime={change.at}>{formatWhen(change.at)}</time>
            </span>
          </li>
        ))}
        {positions.map(({ proposal, position }) => (
          <li key={position.id} className={`activity-position stance-${position.stance}`}>
            <strong>{nameOf(names, position.actorId)}</strong>{' '}
            <span className="position-stance">{STANCE_LABELS[position.stance]}</span>{' '}
            <span className="muted">on</span> {proposal.title}
            {position.quote && (
              <>
                : <q className="position-quote">{position.quote}</q>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
