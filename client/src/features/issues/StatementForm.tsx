import { useId, useState, type FormEvent } from 'react'
import type { Principal } from '../../../../shared/domain/policy'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import { STATEMENT_STANCE_LABELS } from '../../../../shared/domain/stances/statements'
import {
  isPrivateRecord,
  STATEMENT_STANCES,
  type Provenance,
  type StatementStance,
  type StatementTarget,
} from '../../../../shared/domain/stances/types'
import { ActorCombobox } from '../common/ActorCombobox'
import { recordText } from './StanceEntry'
import { recordStatement } from './issuesApi'
import { ownActorOf, recordOf } from './recordOf'
import { ProvenanceOptions } from '../common/ProvenanceOptions'

interface StatementFormProps {
  negotiationId: string
  data: StanceData
  principal: Principal
  target: StatementTarget
  /** The round chosen by default (the one shown, else the latest). */
  defaultRoundId: string | null
  onRecorded: () => void
}

/**
 * Records what an actor said about an issue or proposal into the reader's own record: the
 * secretariat's for the chair, the delegation's for a delegate (its own words only), the group's
 * for a campaigner (private until published). The server checks the same policy.
 */
export function StatementForm(props: StatementFormProps) {
  const { negotiationId, data, principal, target, defaultRoundId, onRecorded } = props
  const record = recordOf(principal)
  const own = ownActorOf(principal)
  const id = useId()
  const [actorIds, setActorIds] = useState<string[]>(own ? [own] : [])
  const [stance, setStance] = useState<StatementStance>('supports')
  const [roundId, setRoundId] = useState<string>(defaultRoundId ?? '')
  const [date, setDate] = useState('')
  const [source, setSource] = useState('')
  const [quote, setQuote] = useState('')
  const [provenance, setProvenance] = useState<Provenance>('recorded')
  const [error, setError] = useState<string | null>(null)
  const [said, setSaid] = useState('')
  const [busy, setBusy] = useState(false)
  if (!record) return null

  const actors = data.actors.map((a) => ({ id: a.id, name: a.name }))
  const whose = recordText(data, { record, published: !isPrivateRecord(record) })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const actorId = own ?? actorIds[0]
    if (!actorId) return setError('Choose who said it.')
    if (provenance === 'reported' && !source.trim()) {
      return setError('A reported statement names its source.')
    }
    setBusy(true)
    setError(null)
    recordStatement(negotiationId, {
      target,
      actorId,
      stance,
      roundId: roundId || null,
      date: date || null,
      source: source.trim(),
      quote: quote.trim(),
      provenance,
      record,
    }).then(
      () => {
        setBusy(false)
        setQuote('')
        setSource('')
        if (!own) setActorIds([])
        const name = data.actors.find((a) => a.id === actorId)?.name ?? actorId
        setSaid(`Recorded ${name} in ${whose}.`)
        onRecorded()
      },
      (err: unknown) => {
        setBusy(false)
        setError((err as Error).message)
      },
    )
  }

  return (
    <form className="statement-form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Record a statement</h4>
      <p className="muted">Into: {whose}</p>
      {own ? (
        <p>
          For: <strong>{data.actors.find((a) => a.id === own)?.name ?? own}</strong>
        </p>
      ) : (
        <ActorCombobox
          actors={actors}
          selected={actorIds}
          onChange={setActorIds}
          label="Who said it"
          multiple={false}
          placeholder="Type a name or code"
        />
      )}
      <div className="form-row">
        <label>
          Stance
          <select value={stance} onChange={(e) => setStance(e.target.value as StatementStance)}>
            {STATEMENT_STANCES.map((s) => (
              <option key={s} value={s}>
                {STATEMENT_STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Round
          <select value={roundId} onChange={(e) => setRoundId(e.target.value)}>
            <option value="">Unknown</option>
            {data.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Provenance
          <select value={provenance} onChange={(e) => setProvenance(e.target.value as Provenance)}>
            <ProvenanceOptions />
          </select>
        </label>
      </div>
      <label className="form-wide">
        Source {provenance === 'reported' ? '(required)' : '(optional)'}
        <input
          value={source}
          maxLength={300}
          onChange={(e) => setSource(e.target.value)}
          placeholder="Statement in plenary, 6 Dec; a report's section"
        />
      </label>
      <label className="form-wide">
        Words said, or a paraphrase
        <textarea
          value={quote}
          maxLength={2000}
          rows={3}
          onChange={(e) => setQuote(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Record
        </button>
        <span role="status" className="muted">
          {said}
        </span>
      </p>
    </form>
  )
}
