import { useId, useState } from 'react'

/** An actor as a choice: its id and name. */
export interface ActorChoice {
  id: string
  name: string
}

interface ActorPickerProps {
  actors: ActorChoice[]
  /** The chosen actor's id, or '' for none. */
  value: string
  onChange: (actorId: string) => void
  label?: string
}

const optionText = (a: ActorChoice) => `${a.name} (${a.id})`

/** Finds the actor a typed text means: an option's text, an id, or a name (any case). */
export function resolveActor(actors: ActorChoice[], text: string): ActorChoice | undefined {
  const t = text.trim().toLowerCase()
  if (!t) return undefined
  return actors.find(
    (a) =>
      optionText(a).toLowerCase() === t || a.id.toLowerCase() === t || a.name.toLowerCase() === t,
  )
}

/**
 * A searchable choice of actor: type part of a name or an ISO code and pick from the browser's
 * suggestions (a native datalist, so it works with the keyboard and screen readers).
 */
export function ActorPicker({
  actors,
  value,
  onChange,
  label = 'Delegation of',
}: ActorPickerProps) {
  const listId = useId()
  const inputId = useId()
  const chosen = actors.find((a) => a.id === value)
  const [text, setText] = useState(chosen ? optionText(chosen) : value)
  const invalid = text.trim() !== '' && !resolveActor(actors, text)
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        list={listId}
        value={text}
        placeholder="Type a state or ISO code"
        aria-invalid={invalid || undefined}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value)
          onChange(resolveActor(actors, e.target.value)?.id ?? '')
        }}
      />
      <datalist id={listId}>
        {actors.map((a) => (
          <option key={a.id} value={optionText(a)} />
        ))}
      </datalist>
      {invalid && <span className="field-hint">Choose an actor from the list.</span>}
    </div>
  )
}
