import type { NegotiationEvent } from '../../../../shared/domain/events'
import type { Round } from '../../../../shared/domain/rounds'
import { nameOf, type ActorNames } from '../proposals/actorNames'
import { formatWhen } from '../proposals/labels'
import { placeOf } from '../rounds/roundsApi'
import { describeEvent } from './eventLabels'
import { counted } from '../common/plural'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { PROVENANCES, type Provenance } from '../../../../shared/domain/stances/types'

// A recorded position's provenance, as its event keeps it (events before issue 12 have none).
const provenanceOf = (e: NegotiationEvent): Provenance | null =>
  e.type === 'position-recorded' ? (PROVENANCES.find((p) => p === e.data.provenance) ?? null) : null

interface EventListProps {
  events: readonly NegotiationEvent[]
  rounds: readonly Round[]
  names: ActorNames
  proposalTitles: ReadonlyMap<string, string>
  /** Whether the server left earlier events out of the history. */
  older?: boolean
}

/** The article's events, newest first: when, in which round, who, for which delegation, what. */
export function EventList({ events, rounds, names, proposalTitles, older }: EventListProps) {
  const newestFirst = [...events].sort((a, b) => b.seq - a.seq)
  return (
    <section className="history-events" aria-labelledby="history-events-heading">
      <h2 id="history-events-heading" className="panel-heading">
        Events <span className="count">{events.length}</span>
      </h2>
      {older && (
        <p className="muted" data-testid="older-events">
          The newest {counted(events.length, 'event')} only: earlier ones are in the negotiation’s
          log.
        </p>
      )}
      {events.length === 0 ? (
        <p className="muted">Nothing recorded.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table event-table" data-testid="events">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Round</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((e) => {
                const round = rounds.find((r) => r.id === e.roundId)
                const provenance = provenanceOf(e)
                return (
                  <tr key={e.seq} data-event-type={e.type}>
                    <td className="event-when">
                      <time dateTime={e.at}>{formatWhen(e.at)}</time>
                    </td>
                    <td>{round ? placeOf(round) : <span className="muted">—</span>}</td>
                    <td>
                      {e.byName}
                      {e.actorId && <span className="muted"> for {nameOf(names, e.actorId)}</span>}
                    </td>
                    <td>
                      {describeEvent(e, proposalTitles, names)}
                      {provenance && (
                        <ProvenanceBadge
                          provenance={provenance}
                          source={typeof e.data.source === 'string' ? e.data.source : undefined}
                        />
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
