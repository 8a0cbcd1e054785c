import { useId, type ReactNode } from 'react'
import { FLAGS } from '../../../../shared/domain/actors'
import { columnPath, roundsInOrder, type Matrix } from '../../../../shared/domain/stances/matrix'
import {
  CELL_FILTER_LABELS,
  CELL_FILTERS,
  DEFAULT_QUERY,
  type CellFilter,
  type MatrixQuery,
  type RecordChoice,
  type TreatyFilter,
} from '../../../../shared/domain/stances/matrixQuery'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'

interface MatrixFiltersProps {
  query: MatrixQuery
  matrix: Matrix
  data: StanceData
  /** "My delegation's" or "My group's", or null when the reader keeps no record. */
  ownLabel: string | null
  /** Whether the reader's group has target lists to filter by (campaigners only). */
  targets: boolean
  onChange: (change: Partial<MatrixQuery>) => void
}

const FLAG_LABELS = {
  user: 'User',
  producer: 'Producer',
  stockpiler: 'Stockpiler',
  affected: 'Affected',
}

function Select(props: {
  label: string
  value: string
  onChange: (v: string) => void
  children: ReactNode
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </select>
    </div>
  )
}

const distinct = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort()

/** What the matrix shows (round, comparison, columns, records) and which actors (filters, sort). */
export function MatrixFilters({
  query,
  matrix,
  data,
  ownLabel,
  targets,
  onChange,
}: MatrixFiltersProps) {
  const rounds = roundsInOrder(data)
  const regions = distinct(data.actors.map((a) => a.region))
  const unGroups = distinct(data.actors.map((a) => a.unRegionalGroup))
  const endorsement = query.endorsed
    ? `yes:${query.endorsed}`
    : query.notEndorsed
      ? `no:${query.notEndorsed}`
      : ''
  return (
    <>
      <div className="filters matrix-view" role="group" aria-label="What the matrix shows">
        <Select label="Round" value={matrix.round} onChange={(v) => onChange({ round: v })}>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
          <option value="all">All rounds (latest of each record)</option>
        </Select>
        <Select
          label="Compare with"
          value={matrix.compare ?? ''}
          onChange={(v) => onChange({ compare: v || null })}
        >
          <option value="">No comparison</option>
          {rounds
            .filter((r) => r.id !== matrix.round)
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
        </Select>
        <Select
          label="Columns"
          value={query.columns}
          onChange={(v) =>
            onChange({ columns: v as MatrixQuery['columns'], column: null, stance: null })
          }
        >
          <option value="issues">Issues</option>
          <option value="proposals">Proposals</option>
        </Select>
        <Select
          label="Records"
          value={query.records}
          onChange={(v) => onChange({ records: v as RecordChoice })}
        >
          <option value="all">All I may see</option>
          <option value="secretariat">Only the secretariat’s</option>
          {ownLabel && <option value="mine">{ownLabel}</option>}
        </Select>
      </div>
      <div className="filters matrix-filters" role="search" aria-label="Filter the actors">
        <Select
          label="Region"
          value={query.region ?? ''}
          onChange={(v) => onChange({ region: v || null })}
        >
          <option value="">Any region</option>
          {regions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </Select>
        <Select
          label="UN regional group"
          value={query.unGroup ?? ''}
          onChange={(v) => onChange({ unGroup: v || null })}
        >
          <option value="">Any group</option>
          {unGroups.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </Select>
        <Select
          label="Flag"
          value={query.flag ?? ''}
          onChange={(v) => onChange({ flag: (v || null) as MatrixQuery['flag'] })}
        >
          <option value="">Any</option>
          {FLAGS.map((f) => (
            <option key={f} value={f}>
              {FLAG_LABELS[f]}
            </option>
          ))}
        </Select>
        <Select
          label="Attended"
          value={query.attended ?? ''}
          onChange={(v) => onChange({ attended: v || null })}
        >
          <option value="">Any</option>
          {rounds.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </Select>
        {data.declarations.length > 0 && (
          <Select
            label="Endorsement"
            value={endorsement}
            onChange={(v) => {
              const [yes, id = null] = v ? v.split(':') : ['', null]
              onChange({
                endorsed: yes === 'yes' ? id : null,
                notEndorsed: yes === 'no' ? id : null,
              })
            }}
          >
            <option value="">Any</option>
            {data.declarations.flatMap((d) => [
              <option key={`y-${d.id}`} value={`yes:${d.id}`}>
                Endorsed {d.title}
              </option>,
              <option key={`n-${d.id}`} value={`no:${d.id}`}>
                Has not endorsed {d.title}
              </option>,
            ])}
          </Select>
        )}
        <Select
          label="Treaty status"
          value={query.treaty ?? ''}
          onChange={(v) => onChange({ treaty: (v || null) as TreatyFilter | null })}
        >
          <option value="">Any</option>
          <option value="signed">Signed, not ratified</option>
          <option value="ratified">Ratified or acceded</option>
          <option value="neither">Neither</option>
        </Select>
        {targets && (
          <Select
            label="Target list"
            value={query.target ?? ''}
            onChange={(v) => onChange({ target: v || null })}
          >
            <option value="">Any</option>
            {data.targetLists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        )}
        <Select
          label="Stance on"
          value={query.column ?? ''}
          onChange={(v) =>
            onChange({ column: v || null, ...(v ? {} : { stance: null, sort: 'actor' as const }) })
          }
        >
          <option value="">Choose a column</option>
          {matrix.columns.map((c) => (
            <option key={c.key} value={c.key}>
              {columnPath(c)}
            </option>
          ))}
        </Select>
        {query.column && (
          <Select
            label="Stance"
            value={query.stance ?? ''}
            onChange={(v) => onChange({ stance: (v || null) as CellFilter | null })}
          >
            <option value="">Any or none</option>
            {CELL_FILTERS.map((s) => (
              <option key={s} value={s}>
                {CELL_FILTER_LABELS[s]}
              </option>
            ))}
          </Select>
        )}
        <Select
          label="Sort by"
          value={query.sort}
          onChange={(v) => onChange({ sort: v as MatrixQuery['sort'] })}
        >
          <option value="actor">Actor</option>
          <option value="region">Region</option>
          {query.column && <option value="column">Stance on the chosen column</option>}
        </Select>
        <label className="field matrix-check">
          <input
            type="checkbox"
            checked={query.withEntries}
            onChange={(e) => onChange({ withEntries: e.target.checked })}
          />
          <span>Only actors with an entry</span>
        </label>
        <label className="field matrix-check">
          <input
            type="checkbox"
            checked={query.descending}
            onChange={(e) => onChange({ descending: e.target.checked })}
          />
          <span>Descending</span>
        </label>
        <button
          type="button"
          className="button-quiet"
          onClick={() => onChange({ ...DEFAULT_QUERY, round: query.round, columns: query.columns })}
        >
          Clear filters
        </button>
      </div>
    </>
  )
}
