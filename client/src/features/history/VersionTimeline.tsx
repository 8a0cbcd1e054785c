import { useState } from 'react'
import type { Round } from '../../../../shared/domain/rounds'
import type { ActorNames } from '../proposals/actorNames'
import { formatWhen } from '../proposals/labels'
import { roundDates } from '../rounds/RoundList'
import { placeOf } from '../rounds/roundsApi'
import { DiffCounts, DiffView } from './DiffView'
import { keyOf, type ArticleVersion } from './historyApi'
import { versionLabel, versionName, type RoundActivity } from './historySelectors'
import { RoundActivityList } from './RoundActivityList'
import { useArticleDiff } from './useArticleHistory'

interface VersionTimelineProps {
  negotiationId: string
  articleId: string
  versions: readonly ArticleVersion[]
  activity: ReadonlyMap<string, RoundActivity>
  rounds: readonly Round[]
  names: ActorNames
}

/**
 * The article text by text, oldest first: which round froze it, the number and title it had
 * there, its wording (with the changes since the text before marked), and what happened to its
 * proposals during that round.
 */
export function VersionTimeline(props: VersionTimelineProps) {
  const present = props.versions.filter((v) => v.number !== null)
  return (
    <ol className="timeline" data-testid="timeline">
      {props.versions.map((v) => {
        const previous = present[present.indexOf(v) - 1] ?? null
        return <VersionEntry key={keyOf(v)} {...props} version={v} previous={previous} />
      })}
    </ol>
  )
}

interface VersionEntryProps extends VersionTimelineProps {
  version: ArticleVersion
  previous: ArticleVersion | null
}

function VersionEntry(props: VersionEntryProps) {
  const { negotiationId, articleId, version: v, previous, activity, rounds, names } = props
  const [show, setShow] = useState<'changes' | 'wording'>('changes')
  const round = rounds.find((r) => r.id === v.roundId)
  const place = round ? placeOf(round) : v.roundName
  const diffing = previous !== null && v.number !== null && show === 'changes'
  const diff = useArticleDiff(
    negotiationId,
    articleId,
    previous && v.number !== null ? [keyOf(previous), keyOf(v)] : null,
  )
  const mine = activity.get(keyOf(v))
  const label = versionLabel(v)
  const before = previous ? versionLabel(previous) : null
  const renumbered = before !== null && label !== null && before !== label
  const renamed = previous !== null && v.number !== null && previous.title !== v.title
  return (
    <li
      className={`version${v.roundId === null ? ' version-current' : ''}`}
      data-version={keyOf(v)}
    >
      <header className="version-head">
        <h3 className="version-name">{versionName(v)}</h3>
        <span className="version-meta">
          {round ? `${round.name} · ${roundDates(round)}` : (v.roundName ?? 'as it stands now')}
          {v.closedAt && (
            <>
              {' '}
              · frozen <time dateTime={v.closedAt}>{formatWhen(v.closedAt)}</time>
            </>
          )}
        </span>
      </header>
      {v.number === null ? (
        <p className="muted">Not in this text.</p>
      ) : (
        <>
          <p className="version-article">
            <span className="version-number">Article {label}</span>
            {place && v.roundId !== null && <span className="muted"> in {place}</span>}
            {v.title && <span className="version-title"> · {v.title}</span>}
            {renumbered && <span className="version-renumbered"> (was Article {before})</span>}
            {renamed && previous.title && (
              <span className="version-renumbered"> (was titled “{previous.title}”)</span>
            )}
          </p>
          {previous && (
            <div className="version-switch" role="group" aria-label="Show">
              <button
                type="button"
                className="button-quiet"
                aria-pressed={show === 'changes'}
                onClick={() => setShow('changes')}
              >
                Changes since {versionName(previous)}
              </button>
              <button
                type="button"
                className="button-quiet"
                aria-pressed={show === 'wording'}
                onClick={() => setShow('wording')}
              >
                Wording
              </button>
              {diff.parts && <DiffCounts parts={diff.parts} />}
            </div>
          )}
          {diffing && diff.parts ? (
            <DiffView
              parts={diff.parts}
              paragraphs={diff.paragraphs}
              granularity={diff.granularity}
              label={`Changes from ${versionName(previous)} to ${versionName(v)}`}
            />
          ) : (
            <div className="wording" data-testid="wording">
              {v.text}
            </div>
          )}
          {diffing && diff.error && <p className="form-error">{diff.error}</p>}
        </>
      )}
      {mine && (
        <RoundActivityList
          activity={mine}
          names={names}
          heading={
            v.roundId === null ? 'Since the last frozen text' : `During ${place ?? versionName(v)}`
          }
        />
      )}
    </li>
  )
}
