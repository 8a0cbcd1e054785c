import { useId, useState, type FormEvent } from 'react'
import type { NewRound } from './roundsApi'

interface OpenRoundFormProps {
  /** Whether a round is open already (the chair is reminded to close it first). */
  hasOpenRound: boolean
  /** Opens the round; rejects with the server's reason (shown by the page). */
  onOpen: (round: NewRound) => Promise<void>
}

const EMPTY: NewRound = { name: '', place: '', startDate: '', endDate: '' }

/** The chair's form to open a round: its name, place and dates. */
export function OpenRoundForm({ hasOpenRound, onOpen }: OpenRoundFormProps) {
  const id = useId()
  const [round, setRound] = useState<NewRound>(EMPTY)
  const [busy, setBusy] = useState(false)
  const set = (change: Partial<NewRound>) => setRound((r) => ({ ...r, ...change }))
  const backwards = !!round.startDate && !!round.endDate && round.endDate < round.startDate
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (backwards) return
    setBusy(true)
    onOpen({ ...round, name: round.name.trim(), place: round.place.trim() })
      .then(() => setRound(EMPTY))
      .catch(() => {})
      .finally(() => setBusy(false))
  }
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="panel-heading">
        Open a round
      </h3>
      {hasOpenRound && <p className="muted small">A round is open; close it first.</p>}
      <form className="stack-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            required
            maxLength={200}
            placeholder="Dublin Diplomatic Conference"
            value={round.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-place`}>Place</label>
          <input
            id={`${id}-place`}
            required
            maxLength={200}
            placeholder="Dublin, Ireland"
            value={round.place}
            onChange={(e) => set({ place: e.target.value })}
          />
        </div>
        <div className="role-fields">
          <div className="field">
            <label htmlFor={`${id}-start`}>Starts</label>
            <input
              id={`${id}-start`}
              type="date"
              required
              value={round.startDate}
              onChange={(e) => set({ startDate: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-end`}>Ends</label>
            <input
              id={`${id}-end`}
              type="date"
              required
              aria-invalid={backwards || undefined}
              aria-describedby={backwards ? `${id}-end-hint` : undefined}
              value={round.endDate}
              onChange={(e) => set({ endDate: e.target.value })}
            />
            {backwards && (
              <span id={`${id}-end-hint`} className="field-hint">
                A round cannot end before it starts.
              </span>
            )}
          </div>
        </div>
        <button type="submit" className="button-primary" disabled={busy || hasOpenRound}>
          Open the round
        </button>
      </form>
    </section>
  )
}
