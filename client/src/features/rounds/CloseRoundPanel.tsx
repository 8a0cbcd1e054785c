import { useId, useState } from 'react'
import { ConfirmDialog } from '../common/ConfirmDialog'
import { defaultSnapshotName, placeOf, type RoundState } from './roundsApi'

interface CloseRoundPanelProps {
  round: RoundState
  /** Closes the round under the snapshot name; rejects with the server's reason. */
  onClose: (snapshotName: string) => Promise<void>
}

/** The chair's control to close the open round, naming the text it freezes, after a question. */
export function CloseRoundPanel({ round, onClose }: CloseRoundPanelProps) {
  const nameId = useId()
  const [name, setName] = useState(defaultSnapshotName(round))
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const snapshotName = name.trim() || defaultSnapshotName(round)
  return (
    <section className="panel" aria-labelledby={`${nameId}-heading`}>
      <h3 id={`${nameId}-heading`} className="panel-heading">
        Open now: {placeOf(round)}
      </h3>
      <form
        className="stack-form"
        onSubmit={(e) => {
          e.preventDefault()
          setAsking(true)
        }}
      >
        <div className="field">
          <label htmlFor={nameId}>Name of the frozen text</label>
          <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          Close {placeOf(round)}…
        </button>
      </form>
      <ConfirmDialog
        open={asking}
        title={`Close ${round.name}?`}
        confirmLabel="Close the round"
        danger={false}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false)
          setBusy(true)
          onClose(snapshotName)
            .catch(() => {})
            .finally(() => setBusy(false))
        }}
      >
        This freezes the text as the “{snapshotName}”. Everyone can read it as it stands now, any
        time later; the text itself stays open for the next round.
      </ConfirmDialog>
    </section>
  )
}
