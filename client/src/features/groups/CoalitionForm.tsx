import { useId, useState, type FormEvent } from 'react'
import { isValidStoredGroupId } from '../../../../shared/domain/groups'
import type { Provenance } from '../../../../shared/domain/stances/types'
import type { Round } from '../../../../shared/domain/rounds'
import { ActorCombobox } from '../common/ActorCombobox'
import { ProvenanceOptions } from '../common/ProvenanceOptions'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { createGroupView, type GroupView } from './groupsApi'
import { RoundSelect } from './RoundSelect'

interface CoalitionFormProps {
  negotiationId: string
  actors: ActorChoice[]
  rounds: readonly Round[]
  onCreated: (group: GroupView) => void
}

// "Core Group" → "core-group": a room key, never a delegation's.
const idFrom = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)

/**
 * The chair's form for a new coalition: its name and id (the id names its rooms), its member
 * states (from a round on, or from the start), and where its existence comes from (a source and
 * a provenance: an invented coalition is marked synthetic).
 */
export function CoalitionForm({ negotiationId, actors, rounds, onCreated }: CoalitionFormProps) {
  const nameId = useId()
  const idId = useId()
  const sourceId = useId()
  const provenanceId = useId()
  const [name, setName] = useState('')
  const [id, setId] = useState<string | null>(null)
  const [members, setMembers] = useState<string[]>([])
  const [roundId, setRoundId] = useState<string | null>(null)
  const [source, setSource] = useState('')
  const [provenance, setProvenance] = useState<Provenance>('recorded')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const groupId = id ?? idFrom(name)
  const idOk = isValidStoredGroupId(groupId)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim()) return setError('Give the coalition a name.')
    if (!idOk) return setError('The id: a-z, 0-9 and -, not “public”, not “delegation-…”.')
    if (members.length === 0) return setError('Choose its member states.')
    setBusy(true)
    setError(null)
    try {
      const group = await createGroupView(negotiationId, {
        id: groupId,
        name: name.trim(),
        kind: 'coalition',
        source: source.trim(),
        provenance,
        actorIds: members,
        roundId,
      })
      setName('')
      setId(null)
      setMembers([])
      setSource('')
      setProvenance('recorded')
      onCreated(group)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="stack-form coalition-form"
      aria-labelledby="new-coalition-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="new-coalition-heading" className="subheading">
        New coalition
      </h3>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          value={name}
          maxLength={200}
          placeholder="e.g. Core group of the Oslo Process"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={idId}>Id</label>
        <input
          id={idId}
          value={groupId}
          maxLength={64}
          aria-invalid={(groupId !== '' && !idOk) || undefined}
          onChange={(e) => setId(e.target.value)}
        />
      </div>
      <ActorCombobox
        actors={actors}
        selected={members}
        onChange={setMembers}
        label="Member states"
        inputLabel="Find a member state"
        placeholder="Find a state…"
      />
      <RoundSelect rounds={rounds} value={roundId} onChange={setRoundId} />
      <div className="field">
        <label htmlFor={sourceId}>Source</label>
        <input
          id={sourceId}
          value={source}
          maxLength={2000}
          placeholder="Where its existence and membership are recorded"
          onChange={(e) => setSource(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={provenanceId}>Provenance</label>
        <select
          id={provenanceId}
          value={provenance}
          onChange={(e) => setProvenance(e.target.value as Provenance)}
        >
          <ProvenanceOptions />
        </select>
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create coalition'}
      </button>
    </form>
  )
}
