import {
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  type ProposalKind,
} from '../../../../shared/domain/proposals'
import { nameOf, type ActorNames } from './actorNames'
import { KIND_LABELS, STATUS_LABELS } from './labels'
import type { ProposalFilter } from './selectors'

interface ProposalFiltersProps {
  filter: ProposalFilter
  onChange: (filter: ProposalFilter) => void
  /** The sponsors and co-sponsors of the article's proposals. */
  sponsors: string[]
  names: ActorNames
}

/** Filters of the article panel: kind, status (open by default) and sponsor. */
export function ProposalFilters({ filter, onChange, sponsors, names }: ProposalFiltersProps) {
  const set = (change: Partial<ProposalFilter>) => onChange({ ...filter, ...change })
  return (
    <div className="proposal-filters" role="group" aria-label="Filter proposals">
      <select
        aria-label="Kind"
        value={filter.kind}
        onChange={(e) => set({ kind: e.target.value as ProposalKind | '' })}
      >
        <option value="">Any kind</option>
        {PROPOSAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={filter.status}
        onChange={(e) => set({ status: e.target.value as ProposalFilter['status'] })}
      >
        <option value="">Any status</option>
        <option value="open">Open</option>
        {PROPOSAL_STATUSES.filter((s) => s !== 'draft').map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <select
        aria-label="Sponsor"
        value={filter.sponsor}
        onChange={(e) => set({ sponsor: e.target.value })}
      >
        <option value="">Any sponsor</option>
        {sponsors.map((id) => (
          <option key={id} value={id}>
            {nameOf(names, id)}
          </option>
        ))}
      </select>
    </div>
  )
}
