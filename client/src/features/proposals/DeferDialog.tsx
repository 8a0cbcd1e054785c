import { useEffect, useRef, useState } from 'react'
import type { Round } from '../../../../shared/domain/rounds'

interface DeferDialogProps {
  open: boolean
  title: string
  rounds: readonly Round[]
  onDefer: (roundId: string) => void
  onCancel: () => void
}

/** Asks the chair which round a proposal is deferred to (the last round is proposed). */
export function DeferDialog({ open, title, rounds, onDefer, onCancel }: DeferDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [roundId, setRoundId] = useState('')
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      setRoundId(rounds.at(-1)?.id ?? '')
      dialog.showModal()
    }
    if (!open && dialog.open) dialog.close()
  }, [open, rounds])
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="defer-title"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      {open && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault()
            if (roundId) onDefer(roundId)
          }}
        >
          <h2 id="defer-title">Defer “{title}”</h2>
          <div className="field">
            <label htmlFor="defer-round">To the round</label>
            <select
              id="defer-round"
              autoFocus
              value={roundId}
              onChange={(e) => setRoundId(e.target.value)}
            >
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <div className="dialog-buttons">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={!roundId}>
              Defer
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
