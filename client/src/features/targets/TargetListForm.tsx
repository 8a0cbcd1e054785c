import { useId, useState, type FormEvent } from 'react'
import {
  type Provenance,
  type TargetList,
  type TargetListInput,
} from '../../../../shared/domain/stances/types'
import { ActorCombobox } from '../common/ActorCombobox'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { ProvenanceOptions } from '../common/ProvenanceOptions'

interface TargetListFormProps {
  /** The list being edited, or undefined for a new one. */
  list?: TargetList
  actors: ActorChoice[]
  onSave: (input: TargetListInput) => Promise<unknown>
  onCancel: () => void
}

/** Creates or edits a target list: its name, description, source, provenance and states. */
export function TargetListForm({ list, actors, onSave, onCancel }: TargetListFormProps) {
  const ids = { name: useId(), description: useId(), source: useId(), provenance: useId() }
  const [name, setName] = useState(list?.name ?? '')
  const [description, setDescription] = useState(list?.description ?? '')
  const [source, setSource] = useState(list?.source ?? '')
  const [provenance, setProvenance] = useState<Provenance>(list?.provenance ?? 'recorded')
  const [actorIds, setActorIds] = useState<string[]>(list?.actorIds ?? [])
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const needsSource = provenance === 'reported' && source.trim() === ''

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim() || needsSource) return
    setBusy(true)
    setFailure(null)
    try {
      await onSave({ name: name.trim(), description, source: source.trim(), provenance, actorIds })
    } catch (error) {
      setFailure((error as Error).message)
      setBusy(false)
    }
  }

  return (
    <form
      className="panel target-form stack-form"
      aria-label={list ? `Edit ${list.name}` : 'New target list'}
      onSubmit={(e) => void submit(e)}
    >
      <div className="field">
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          value={name}
          required
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.description}>Description</label>
        <textarea
          id={ids.description}
          rows={2}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={ids.source}>Source</label>
          <input
            id={ids.source}
            value={source}
            maxLength={300}
            placeholder="Where the list comes from, if anywhere"
            aria-invalid={needsSource || undefined}
            onChange={(e) => setSource(e.target.value)}
          />
          {needsSource && <span className="field-hint">A reported list names its source.</span>}
        </div>
        <div className="field">
          <label htmlFor={ids.provenance}>Provenance</label>
          <select
            id={ids.provenance}
            value={provenance}
            onChange={(e) => setProvenance(e.target.value as Provenance)}
          >
            <ProvenanceOptions />
          </select>
        </div>
      </div>
      <ActorCombobox
        actors={actors}
        selected={actorIds}
        onChange={setActorIds}
        label="States"
        inputLabel="Add a state"
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={busy || needsSource}>
          {busy ? 'Saving…' : list ? 'Save list' : 'Create list'}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  )
}
