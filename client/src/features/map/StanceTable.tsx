import type { ActorStance } from '../../../../shared/domain/stances/mapSummary'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import {
  MAP_STANCE_LABELS,
  recordName,
  stanceWords,
  type MapNames,
  type StateTreaty,
} from './mapLabels'

interface StanceTableProps {
  caption: string
  /** States with an entry and organisations; states with none are counted, not listed. */
  actors: readonly ActorStance[]
  names: MapNames
  /** A state's treaty status (null for an organisation). */
  treaty: (s: ActorStance) => StateTreaty | null
  onOpen: (actorId: string) => void
}

/**
 * The map as a table, for screen readers and anyone who prefers one: every actor with an entry,
 * its stance (inherited said so), the records it comes from, their provenance, and a state's
 * treaty status (unknown said so).
 */
export function StanceTable({ caption, actors, names, treaty, onOpen }: StanceTableProps) {
  return (
    <div className="table-scroll map-table">
      <table className="data-table" data-testid="map-table">
        <caption className="map-table-caption" id="map-table-caption" tabIndex={-1}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Stance</th>
            <th scope="col">Records</th>
            <th scope="col">Provenance</th>
            <th scope="col">Treaty status</th>
          </tr>
        </thead>
        <tbody>
          {actors.map((s) => {
            const entries = s.cell?.entries ?? []
            const status = treaty(s)
            return (
              <tr key={s.actor.id} data-actor={s.actor.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onOpen(s.actor.id)}>
                    {s.actor.name}
                  </button>
                  {s.actor.kind === 'organisation' && (
                    <span className="map-kind"> (organisation)</span>
                  )}
                </th>
                <td>
                  <span className={`map-swatch map-fill-${s.stance}`} aria-hidden="true" />
                  <span className="visually-hidden">{stanceWords(s, names)}</span>
                  <span aria-hidden="true">{MAP_STANCE_LABELS[s.stance]}</span>
                  {s.cell?.inheritedFrom && (
                    <span className="map-inherited-note">
                      {' '}
                      — said of {names.issue(s.cell.inheritedFrom)} (inherited)
                    </span>
                  )}
                </td>
                <td>{[...new Set(entries.map((e) => recordName(e.record, names)))].join(', ')}</td>
                <td>
                  {[...new Set(entries.map((e) => e.provenance))].map((p) => (
                    <ProvenanceBadge
                      key={p}
                      provenance={p}
                      source={entries.find((e) => e.provenance === p)?.source}
                    />
                  ))}
                </td>
                <td data-testid="map-table-treaty" title={status?.title || undefined}>
                  {status ? (
                    <>
                      <span className={`map-swatch map-fill-${status.class}`} aria-hidden="true" />
                      <span className={status.known ? undefined : 'map-treaty-unknown'}>
                        {status.text}
                      </span>
                    </>
                  ) : (
                    <span className="map-kind">Not a state</span>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
