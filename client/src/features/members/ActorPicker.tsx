import { ActorCombobox } from '../common/ActorCombobox'

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
 * A searchable choice of one actor: type part of a name or an ISO code and pick from the list
 * (the shared actor combobox, one Tab stop), or type an option's text or code in full.
 */
export function ActorPicker({
  actors,
  value,
  onChange,
  label = 'Delegation of',
}: ActorPickerProps) {
  return (
    <ActorCombobox
      actors={actors}
      selected={value ? [value] : []}
      onChange={(ids) => onChange(ids[0] ?? '')}
      label={label}
      multiple={false}
    />
  )
}
