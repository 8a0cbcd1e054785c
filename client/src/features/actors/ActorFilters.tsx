import type { Round } from '../../../../shared/domain/rounds'
import { FLAG_LABELS, type FlagKey } from './actorsApi'
import { NO_GROUP, shortPlace, type FlagFilter, type ParticipantFilter } from './participantView'

interface ActorFiltersProps {
  filter: ParticipantFilter
  onChange: (filter: ParticipantFilter) => void
  groups: string[]
  rounds: Round[]
}

/** The filters above the actors table: a search, a UN regional group, and a flag or a round. */
export function ActorFilters({ filter, onChange, groups, rounds }: ActorFiltersProps) {
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
    </div>
  )
}
