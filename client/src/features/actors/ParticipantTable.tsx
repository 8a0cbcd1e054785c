import type { Round } from '../../../../shared/domain/rounds'
import { FLAG_LABELS, type FlagKey, type Participant, type RoundRecord } from './actorsApi'
import { shortPlace, type Sort, type SortKey } from './participantView'
import { RoundCell } from './RoundCell'
import { EndorsementFact, TreatyFact } from './StanceFacts'
import type { StanceIndex } from './stanceColumns'

interface ParticipantTableProps {
  rows: Participant[]
  rounds: Round[]
  sort: Sort
  onSort: (sort: Sort) => void
  /** Which toggles a row offers: endorsement (act-for that actor), attendance (the chair). */
  rights: (actorId: string) => { endorse: boolean; attend: boolean }
  onToggle: (actorId: string, roundId: string, change: Partial<RoundRecord>) => void
  /** The toggle whose change is being saved, as `actorId/roundId`. */
  pending: string | null
  /** Treaty status and endorsements, once loaded (their columns are left out until then). */
  facts: StanceIndex | null
}

const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Name', className: 'col-name' },
  { key: 'id', label: 'ISO', className: 'col-iso' },
  { key: 'group', label: 'UN regional group', className: 'col-group' },
]

/**
 * The participants with their flags, per round attendance and endorsement, their treaty status
 * and their endorsement of each declaration.
 */
export function ParticipantTable(props: ParticipantTableProps) {
  const { rows, rounds, sort, onSort, rights, onToggle, pending, facts } = props
  return (
    <table className="data-table participants" data-testid="participants">
      <thead>
        <tr>
          {COLUMNS.map(({ key, label, className }) => {
            const active = sort.key === key
            return (
              <th
                key={key}
                className={className}
                scope="col"
                aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                <button
                  type="button"
                  className="sort-button"
                  onClick={() => onSort({ key, descending: active && !sort.descending })}
                >
                  {label}
                  <span className="sort-mark" aria-hidden="true">
                    {active ? (sort.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            )
          })}
          <th scope="col" className="col-flags">
            Flags
          </th>
          {rounds.map((r) => (
            <th key={r.id} scope="col" className="col-round" title={r.name}>
              {shortPlace(r)}
            </th>
          ))}
          {facts && (
            <th scope="col" className="col-treaty">
              Treaty status
            </th>
          )}
          {facts?.declarations.map((d) => (
            <th key={d.id} scope="col" className="col-declaration" title={d.source || undefined}>
              {d.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const allowed = rights(p.actor.id)
          return (
            <tr key={p.actor.id} data-actor-id={p.actor.id}>
              <th scope="row" className="col-name">
                {p.actor.name}
                {p.note && <span className="row-note">{p.note}</span>}
              </th>
              <td className="col-iso">
                <code>{p.actor.id}</code>
              </td>
              <td className="col-group">{p.actor.unRegionalGroup ?? '—'}</td>
              <td className="col-flags">
                {(Object.keys(FLAG_LABELS) as FlagKey[])
                  .filter((flag) => p.flags[flag])
                  .map((flag) => (
                    <span key={flag} className={`tag tag-${flag}`}>
                      {FLAG_LABELS[flag]}
                    </span>
                  ))}
              </td>
              {rounds.map((r) => (
                <RoundCell
                  key={r.id}
                  actorName={p.actor.name}
                  round={r}
                  record={p.rounds[r.id] ?? { attended: false, endorsed: false }}
                  canEndorse={allowed.endorse}
                  canAttend={allowed.attend}
                  busy={pending === `${p.actor.id}/${r.id}`}
                  onChange={(change) => onToggle(p.actor.id, r.id, change)}
                />
              ))}
              {facts && (
                <td className="col-treaty">
                  <TreatyFact index={facts} actorId={p.actor.id} />
                </td>
              )}
              {facts?.declarations.map((d) => (
                <td key={d.id} className="col-declaration">
                  <EndorsementFact index={facts} declarationId={d.id} actorId={p.actor.id} />
                </td>
              ))}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
