import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Round } from '../../../../shared/domain/rounds'
import { STANCES, type Stance } from '../../../../shared/domain/proposals'
import type { ActorChoice } from './CoSponsorPicker'
import { STANCE_LABELS } from './labels'
import { recordPosition } from './proposalsApi'

interface PositionFormProps {
  negotiationId: string
  proposalId: string
  /** The actors this person may speak for: the chair any, a delegate their own. */
  actors: ActorChoice[]
  rounds: readonly Round[]
  onDone: () => void
}

/** Records an actor's stance on a proposal, with round, source and a short quote. */
export function PositionForm({
  negotiationId,
  proposalId,
  actors,
  rounds,
  onDone,
}: PositionFormProps) {
  const [actorId, setActorId] = useState(actors.length === 1 ? (actors[0]?.id ?? '') : '')
  const [stance, setStance] = useState<Stance>('supports')
  const [roundId, setRoundId] = useState(rounds.at(-1)?.id ?? '')
  const [source, setSource] = useState('')
  const [quote, setQuote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = (field: string) => `position-${proposalId}-${field}`
  const formRef = useRef<HTMLFormElement>(null)
  // Opened from a button that is now gone: the focus moves to the form's first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select:not([disabled]), input')?.focus()
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!actorId) return setError('Choose the actor.')
    if (!source.trim()) return setError('Say where it was said.')
    setBusy(true)
    setError(null)
    try {
      await recordPosition(negotiationId, proposalId, {
        actorId,
        stance,
        roundId: roundId || null,
        source: source.trim(),
        quote: quote.trim(),
      })
      onDone()
    } catch (caught) {
      setError((caught as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      ref={formRef}
      // Escape closes the form as it would a dialog.
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      className="position-form"
      onSubmit={(e) => void submit(e)}
      aria-label="Record a position"
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor={id('actor')}>Actor</label>
        <select
          id={id('actor')}
          value={actorId}
          disabled={actors.length === 1}
          onChange={(e) => setActorId(e.target.value)}
        >
          {actors.length > 1 && <option value="">Choose…</option>}
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('stance')}>Stance</label>
          <select
            id={id('stance')}
            value={stance}
            onChange={(e) => setStance(e.target.value as Stance)}
          >
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('round')}>Round</label>
          <select id={id('round')} value={roundId} onChange={(e) => setRoundId(e.target.value)}>
            <option value="">None</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.place.split(',')[0] || r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id('source')}>Source</label>
        <input
          id={id('source')}
          value={source}
          placeholder="Vienna plenary, 6 Dec"
          onChange={(e) => setSource(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={id('quote')}>Quote</label>
        <textarea
          id={id('quote')}
          rows={2}
          value={quote}
          onChange={(e) => setQuote(e.target.value)}
        />
      </div>
      <div className="card-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={busy}>
          Record
        </button>
      </div>
    </form>
  )
}
