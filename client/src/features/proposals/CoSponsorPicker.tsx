import { ActorCombobox } from '../common/ActorCombobox'

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

/** Co-sponsoring delegations from the participants: one combobox, the chosen ones as chips. */
export function CoSponsorPicker({ actors, selected, onChange }: CoSponsorPickerProps) {
  return (
    <ActorCombobox
      actors={actors}
      selected={selected}
      onChange={onChange}
      label="Co-sponsors"
      inputLabel="Find a co-sponsor"
      placeholder="Find a delegation…"
    />
  )
}
