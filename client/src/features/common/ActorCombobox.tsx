import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { matchActors } from './matchActors'
import './actorCombobox.css'

interface ActorComboboxProps {
  actors: ActorChoice[]
  /** The chosen actors' ids (at most one unless `multiple`). */
  selected: string[]
  onChange: (selected: string[]) => void
  /** The visible label of the field. */
  label: string
  /** The accessible name of the text box, if not the label ("Find a co-sponsor"). */
  inputLabel?: string
  /** Several actors as removable chips; otherwise one, shown in the box. */
  multiple?: boolean
  placeholder?: string
}

const optionText = (a: ActorChoice) => `${a.name} (${a.id})`

/**
 * A choice of actors from the whole catalogue as one Tab stop (WAI-ARIA combobox with a
 * listbox): type part of a name or an ISO code, arrows move, Enter chooses, Escape closes the
 * list; chosen actors show as chips with a remove button, Backspace in the empty box removes
 * the last one.
 */
export function ActorCombobox(props: ActorComboboxProps) {
  const { actors, selected, onChange, label, inputLabel, multiple = true, placeholder } = props
  const inputId = useId()
  const listId = useId()
  const single = multiple ? undefined : actors.find((a) => a.id === selected[0])
  const [text, setText] = useState(single ? optionText(single) : '')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [said, setSaid] = useState('')

  const pool = multiple ? actors.filter((a) => !selected.includes(a.id)) : actors
  const { shown, more } = matchActors(pool, single && text === optionText(single) ? '' : text)
  const activeIndex = Math.min(active, shown.length - 1)
  const optionId = (i: number) => `${listId}-${i}`
  useEffect(() => {
    if (open) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' })
  })
  const chosen = selected.flatMap((id) => actors.filter((a) => a.id === id))

  const choose = (actor: ActorChoice) => {
    if (multiple) {
      onChange([...selected, actor.id])
      setText('')
      setSaid(`${actor.name} added.`)
    } else {
      onChange([actor.id])
      setText(optionText(actor))
      setSaid(`${actor.name} chosen.`)
    }
    // Closed, so that the next Enter submits the form; typing opens the list again.
    setOpen(false)
    setActive(0)
  }
  const remove = (actor: ActorChoice) => {
    onChange(selected.filter((id) => id !== actor.id))
    setSaid(`${actor.name} removed.`)
  }
  const type = (value: string) => {
    setText(value)
    setOpen(true)
    setActive(0)
    // A single choice typed out in full ("Austria (AUT)", "AUT", "Austria") counts without Enter.
    if (!multiple) {
      const t = value.trim().toLowerCase()
      const exact = actors.find(
        (a) =>
          optionText(a).toLowerCase() === t ||
          a.id.toLowerCase() === t ||
          a.name.toLowerCase() === t,
      )
      onChange(exact ? [exact.id] : [])
      // Nothing is left to pick, and the list would cover the fields below.
      if (exact) setOpen(false)
    }
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) return setOpen(true)
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((activeIndex + step + shown.length) % Math.max(shown.length, 1))
    } else if (e.key === 'Enter' && open && shown[activeIndex]) {
      // Enter chooses rather than submitting the form around.
      e.preventDefault()
      choose(shown[activeIndex])
    } else if (e.key === 'Escape' && open) {
      // Closes the list only, not the dialog around it.
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
    } else if (e.key === 'Backspace' && multiple && text === '' && chosen.length > 0) {
      remove(chosen[chosen.length - 1] as ActorChoice)
    }
  }
  const invalid = !multiple && text.trim() !== '' && !single

  return (
    <div className="field actor-combobox">
      <label htmlFor={inputId}>
        {label}
        {multiple && chosen.length > 0 && <span className="count">{chosen.length}</span>}
      </label>
      {multiple && chosen.length > 0 && (
        <ul className="actor-chips" aria-label="Chosen">
          {chosen.map((a) => (
            <li key={a.id} className="actor-chip">
              {a.name}
              <button type="button" aria-label={`Remove ${a.name}`} onClick={() => remove(a)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actor-combobox-box">
        <input
          id={inputId}
          role="combobox"
          aria-label={inputLabel}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown.length > 0 ? optionId(activeIndex) : undefined}
          aria-invalid={invalid || undefined}
          autoComplete="off"
          placeholder={placeholder ?? 'Type a state or ISO code'}
          value={text}
          onChange={(e) => type(e.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setSaid('')}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <div className="actor-options" hidden={!open}>
          <ul id={listId} role="listbox" aria-label="Matching actors">
            {open &&
              shown.map((a, i) => (
                <li
                  key={a.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  // mousedown would blur the box and close the list before the click lands.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(a)}
                >
                  {a.name} <span className="actor-code">{a.id}</span>
                </li>
              ))}
          </ul>
          {more > 0 && <p className="actor-options-note">{more} more: type to narrow the list.</p>}
          {shown.length === 0 && <p className="actor-options-note">No actor matches.</p>}
        </div>
      </div>
      {invalid && <span className="field-hint">Choose an actor from the list.</span>}
      <p className="visually-hidden" aria-live="polite">
        {said || (open ? `${shown.length + more} matching` : '')}
      </p>
    </div>
  )
}
