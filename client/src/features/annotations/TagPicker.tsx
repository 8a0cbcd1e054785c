import { useId, useState, type KeyboardEvent } from 'react'

interface TagPickerProps {
  /** Every tag to offer: the standard ones, then the group's own. */
  tags: readonly string[]
  selected: readonly string[]
  onChange: (selected: string[]) => void
}

// The group's own tags are short lower-case words, so the same tag is not typed two ways.
const normalise = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, '-').slice(0, 40)

/** Tags as toggles, and a field to add one of the group's own (Enter or "Add tag"). */
export function TagPicker({ tags, selected, onChange }: TagPickerProps) {
  const [draft, setDraft] = useState('')
  const inputId = useId()
  const offered = [...new Set([...tags, ...selected])]
  const toggle = (tag: string, on: boolean) =>
    onChange(on ? [...selected, tag] : selected.filter((t) => t !== tag))
  const add = () => {
    const tag = normalise(draft)
    if (!tag) return
    if (!selected.includes(tag)) onChange([...selected, tag])
    setDraft('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the tag rather than submitting the whole note.
    if (e.key !== 'Enter') return
    e.preventDefault()
    add()
  }
  return (
    <fieldset className="note-tags-field">
      <legend>Tags</legend>
      <div className="tag-toggles">
        {offered.map((tag) => (
          <label key={tag} className="tag-toggle">
            <input
              type="checkbox"
              checked={selected.includes(tag)}
              onChange={(e) => toggle(tag, e.target.checked)}
            />
            {tag}
          </label>
        ))}
      </div>
      <div className="tag-add">
        <label htmlFor={inputId} className="visually-hidden">
          New tag
        </label>
        <input
          id={inputId}
          value={draft}
          placeholder="Own tag, e.g. m85"
          maxLength={40}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" onClick={add} disabled={!normalise(draft)}>
          Add tag
        </button>
      </div>
    </fieldset>
  )
}
