import { useState, type FormEvent } from 'react'
import type { Round } from '../../../../shared/domain/rounds'
import { ActorCombobox } from '../common/ActorCombobox'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { setCoalitionMembers, type GroupView } from './groupsApi'
import { RoundSelect } from './RoundSelect'

interface CoalitionMembersFormProps {
  negotiationId: string
  coalition: GroupView
  actors: ActorChoice[]
  rounds: readonly Round[]
  /** The round open now, where a new list starts by default. */
  currentRoundId: string | null
  onChanged: (group: GroupView) => void
}

/** The chair sets a coalition's member states from a round on (blocs change between rounds). */
export function CoalitionMembersForm(props: CoalitionMembersFormProps) {
  const { negotiationId, coalition, actors, rounds, currentRoundId, onChanged } = props
  const [members, setMembers] = useState<string[]>(coalition.members)
  const [roundId, setRoundId] = useState<string | null>(currentRoundId)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      const group = await setCoalitionMembers(negotiationId, coalition.id, {
        roundId,
        actorIds: members,
      })
      setDone(`Members of ${group.name} saved.`)
      onChanged(group)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="coalition-members-form">
      <summary>Set the members for a round…</summary>
      <form
        className="stack-form"
        aria-label={`Members of ${coalition.name}`}
        onSubmit={(e) => void submit(e)}
      >
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <ActorCombobox
          actors={actors}
          selected={members}
          onChange={setMembers}
          label="Member states"
          inputLabel={`Find a member state of ${coalition.name}`}
          placeholder="Find a state…"
        />
        <RoundSelect rounds={rounds} value={roundId} onChange={setRoundId} />
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save members'}
        </button>
        {done && (
          <p className="muted" role="status">
            {done}
          </p>
        )}
      </form>
    </details>
  )
}
