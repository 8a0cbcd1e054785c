import type { Round } from '../../../../shared/domain/rounds'
import type { Declaration, TargetList } from '../../../../shared/domain/stances/types'
import { FLAG_LABELS, type FlagKey } from './actorsApi'
import { NO_GROUP, shortPlace, type FlagFilter, type ParticipantFilter } from './participantView'

interface ActorFiltersProps {
  filter: ParticipantFilter
  onChange: (filter: ParticipantFilter) => void
  groups: string[]
  rounds: Round[]
  /** The reader's campaign group's target lists ([] for everyone else: no filter shown). */
  targetLists: TargetList[]
  declarations: Declaration[]
}

/**
 * The filters above the actors table: a search, a UN regional group, a flag or a round, a
 * declaration not endorsed yet, and for campaigners one of their group's target lists.
 */
export function ActorFilters(props: ActorFiltersProps) {
  const { filter, onChange, groups, rounds, targetLists, declarations } = props
  return (
    <div className="filters" role="search" aria-label="Filter the actors">
      <label className="field">
        <span>Search</span>
        <input
          type="search"
          placeholder="Name or ISO code"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </label>
      <label className="field">
        <span>UN regional group</span>
        <select
          value={filter.group}
          onChange={(e) => onChange({ ...filter, group: e.target.value })}
        >
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
          <option value={NO_GROUP}>No group</option>
        </select>
      </label>
      <label className="field">
        <span>Flag</span>
        <select
          value={filter.flag}
          onChange={(e) => onChange({ ...filter, flag: e.target.value as FlagFilter })}
        >
          <option value="">Any</option>
          {(Object.keys(FLAG_LABELS) as FlagKey[]).map((flag) => (
            <option key={flag} value={flag}>
              {FLAG_LABELS[flag]}
            </option>
          ))}
          {rounds.map((r) => (
            <option key={`a-${r.id}`} value={`attended:${r.id}`}>
              Attended {shortPlace(r)}
            </option>
          ))}
          {rounds.map((r) => (
            <option key={`e-${r.id}`} value={`endorsed:${r.id}`}>
              Endorsed at {shortPlace(r)}
            </option>
          ))}
        </select>
      </label>
      {declarations.length > 0 && (
        <label className="field filter-declaration">
          <span>Not endorsed yet (none recorded)</span>
          <select
            value={filter.notEndorsed ?? ''}
            onChange={(e) => onChange({ ...filter, notEndorsed: e.target.value })}
          >
            <option value="">Any</option>
            {declarations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {targetLists.length > 0 && (
        <label className="field">
          <span>Target list</span>
          <select
            value={filter.targetList ?? ''}
            onChange={(e) => onChange({ ...filter, targetList: e.target.value })}
          >
            <option value="">All actors</option>
            {targetLists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.actorIds.length})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}
