import { useState } from 'react'
import { nameOf, type ActorNames } from '../proposals/actorNames'
import { STANCE_LABELS, STATUS_LABELS, formatWhen } from '../proposals/labels'
import type { RoundActivity } from './historySelectors'
import { counted } from '../common/plural'

interface RoundActivityListProps {
  activity: RoundActivity
  names: ActorNames
  /** "During Vienna", "Since the last frozen text". */
  heading: string
}

// Past this many lines a round's activity is shortened, with a button to show it all.
const SHORT = 6

/**
 * The status changes and positions on the article's proposals during one round, the first few
 * of each when there are many.
 */
export function RoundActivityList({ activity, names, heading }: RoundActivityListProps) {
  const [all, setAll] = useState(false)
  const total = activity.changes.length + activity.positions.length
  if (total === 0) return null
  const short = !all && total > SHORT
  const changes = short ? activity.changes.slice(0, SHORT / 2) : activity.changes
  const positions = short ? activity.positions.slice(0, SHORT / 2) : activity.positions
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
      {total > SHORT && (
        <button
          type="button"
          className="button-quiet small"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all
            ? 'Show fewer'
            : `Show all ${total} (${counted(activity.changes.length, 'status change')}, ${counted(activity.positions.length, 'position')})`}
        </button>
      )}
    </div>
  )
}
