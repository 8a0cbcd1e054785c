import type { NoteFilter } from './selectors'

interface NoteFiltersProps {
  filter: NoteFilter
  onChange: (filter: NoteFilter) => void
  tags: readonly string[]
  authors: readonly { accountId: string; name: string }[]
}

/** Filters of the notes panel: tag, author, and open or resolved. */
export function NoteFilters({ filter, onChange, tags, authors }: NoteFiltersProps) {
  const set = (change: Partial<NoteFilter>) => onChange({ ...filter, ...change })
  return (
    <div className="proposal-filters" role="group" aria-label="Filter notes">
      <select aria-label="Tag" value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <select
        aria-label="Author"
        value={filter.author}
        onChange={(e) => set({ author: e.target.value })}
      >
        <option value="">Any author</option>
        {authors.map((a) => (
          <option key={a.accountId} value={a.accountId}>
            {a.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={filter.status}
        onChange={(e) => set({ status: e.target.value as NoteFilter['status'] })}
      >
        <option value="">Any status</option>
        <option value="open">Open</option>
        <option value="resolved">Resolved</option>
      </select>
    </div>
  )
}
