import { useState } from 'react'

/** An actor as a choice: its id and name. */
export interface ActorChoice {
  id: string
  name: string
}

interface CoSponsorPickerProps {
  actors: ActorChoice[]
  selected: string[]
  onChange: (selected: string[]) => void
}

/** Co-sponsoring delegations from the participants, with a filter; the chosen ones listed first. */
export function CoSponsorPicker({ actors, selected, onChange }: CoSponsorPickerProps) {
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const shown = actors.filter(
    (a) =>
      selected.includes(a.id) ||
      !needle ||
      a.name.toLowerCase().includes(needle) ||
      a.id.toLowerCase().includes(needle),
  )
  shown.sort((a, b) => Number(selected.includes(b.id)) - Number(selected.includes(a.id)))
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id))
  return (
    <fieldset className="cosponsors">
      <legend>
        Co-sponsors {selected.length > 0 && <span className="count">{selected.length}</span>}
      </legend>
      <input
        type="search"
        aria-label="Find a co-sponsor"
        placeholder="Find a delegation…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="cosponsor-list">
        {shown.map((a) => (
          <li key={a.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(a.id)}
                onChange={(e) => toggle(a.id, e.target.checked)}
              />
              {a.name} <span className="actor-code">{a.id}</span>
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No delegation matches.</li>}
      </ul>
    </fieldset>
  )
}
