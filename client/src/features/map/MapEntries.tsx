import { useEffect, useRef } from 'react'
import type { ActorStance } from '../../../../shared/domain/stances/mapSummary'
import { STATEMENT_STANCE_LABELS } from '../../../../shared/domain/stances/statements'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { recordName, type MapNames, type StateTreaty } from './mapLabels'

interface MapEntriesProps {
  state: ActorStance
  issueTitle: string
  names: MapNames
  /** The state's treaty status in words (null for an organisation). */
  treaty: StateTreaty | null
  onClose: () => void
}

/**
 * What one actor said on the map's issue, after a state's treaty status: each current entry with its stance, record, round,
 * source, quote and provenance; said of a parent issue and records disagreeing said in words.
 * Its heading takes the focus when it opens, so that a keyboard user lands on it.
 */
export function MapEntries({ state, issueTitle, names, treaty, onClose }: MapEntriesProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  const { actor, cell } = state
  useEffect(() => heading.current?.focus(), [actor.id])
  return (
    <section className="panel map-entries" aria-labelledby="map-entries-heading">
      <div className="map-entries-head">
        <h3 id="map-entries-heading" className="map-entries-title" tabIndex={-1} ref={heading}>
          {actor.name} on {issueTitle}
        </h3>
        <button type="button" className="button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {treaty && (
        <p className="map-treaty" data-testid="map-treaty" title={treaty.title || undefined}>
          <span className={`map-swatch map-fill-${treaty.class}`} aria-hidden="true" />
          <strong>Treaty status:</strong>{' '}
          <span className={treaty.known ? undefined : 'map-treaty-unknown'}>{treaty.text}</span>
        </p>
      )}
      {!cell && <p className="map-note">Nothing recorded in the records shown.</p>}
      {cell?.inheritedFrom && (
        <p className="map-note">
          Said of {names.issue(cell.inheritedFrom)}, a broader issue (inherited): nothing is
          recorded on {issueTitle} itself.
        </p>
      )}
      {cell?.disagree && <p className="map-note">Records disagree: each is shown as kept.</p>}
      <ul className="map-entry-list">
        {(cell?.entries ?? []).map((e) => (
          <li key={e.id} className="map-entry" data-testid="map-entry">
            <p className="map-entry-stance">
              <span className={`map-swatch map-fill-${e.stance}`} aria-hidden="true" />
              <strong>{STATEMENT_STANCE_LABELS[e.stance]}</strong>
              <ProvenanceBadge provenance={e.provenance} source={e.source} />
            </p>
            <dl className="map-entry-facts">
              <dt>Record</dt>
              <dd>{recordName(e.record, names)}</dd>
              <dt>Round</dt>
              <dd>
                {names.round(e.roundId)}
                {e.date ? `, ${e.date}` : ''}
              </dd>
              <dt>Source</dt>
              <dd>{e.source || 'None given'}</dd>
              {e.quote && (
                <>
                  <dt>Words</dt>
                  <dd>
                    <q>{e.quote}</q>
                  </dd>
                </>
              )}
              <dt>Recorded by</dt>
              <dd>{e.recordedBy}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  )
}
