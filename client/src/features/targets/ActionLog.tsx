import { useId, useState, type FormEvent } from 'react'
import {
  CAMPAIGN_ACTION_KINDS,
  type CampaignAction,
  type CampaignActionInput,
  type CampaignActionKind,
} from '../../../../shared/domain/stances/types'

/** The words of each kind of campaign action. */
export const ACTION_KIND_LABELS: Record<CampaignActionKind, string> = {
  letter: 'Letter',
  meeting: 'Meeting',
  call: 'Call',
  briefing: 'Briefing',
  other: 'Other',
}

interface ActionLogProps {
  actorId: string
  actorName: string
  /** This state's actions, newest first. */
  actions: CampaignAction[]
  onLog: (input: CampaignActionInput) => Promise<unknown>
}

// Today in the reader's own calendar, as YYYY-MM-DD.
const today = () => {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** One state's campaign actions, newest first, and a form to log another. */
export function ActionLog({ actorId, actorName, actions, onLog }: ActionLogProps) {
  const ids = { kind: useId(), date: useId(), note: useId() }
  const [kind, setKind] = useState<CampaignActionKind>('letter')
  const [date, setDate] = useState(today)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      await onLog({ actorId, kind, date, note: note.trim() })
      setNote('')
    } catch (error) {
      setFailure((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="action-log">
      {actions.length === 0 ? (
        <p className="action-none">No action logged with {actorName} yet.</p>
      ) : (
        <ol className="action-list" aria-label={`Campaign actions with ${actorName}, newest first`}>
          {actions.map((a) => (
            <li key={a.id} data-testid="campaign-action">
              <span className="action-kind">{ACTION_KIND_LABELS[a.kind]}</span>{' '}
              <time dateTime={a.date}>{a.date}</time>
              {a.note && <span className="action-note"> — {a.note}</span>}
              <span className="action-by"> ({a.recordedBy})</span>
            </li>
          ))}
        </ol>
      )}
      <form
        className="action-form"
        aria-label={`Log an action with ${actorName}`}
        onSubmit={(e) => void submit(e)}
      >
        <div className="field">
          <label htmlFor={ids.kind}>Action</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) => setKind(e.target.value as CampaignActionKind)}
          >
            {CAMPAIGN_ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {ACTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.date}>Date</label>
          <input
            id={ids.date}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="field field-grow">
          <label htmlFor={ids.note}>Note</label>
          <input
            id={ids.note}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy || !date}>
          {busy ? 'Logging…' : 'Log action'}
        </button>
      </form>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  )
}
