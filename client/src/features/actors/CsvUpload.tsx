import { useId, useState } from 'react'
import { ApiError } from '../../api'
import { uploadParticipantsCsv, type Participant } from './actorsApi'
import { counted } from '../common/plural'

/** One problem the server found in an uploaded file, where it is. */
export interface CsvProblem {
  line?: number
  column?: string | number
  message: string
}

/** The problems in an error answer: a list under `errors`/`problems`, or one with a line. */
export function csvProblems(error: unknown): CsvProblem[] {
  if (!(error instanceof ApiError)) return [{ message: (error as Error).message }]
  const list = error.details.errors ?? error.details.problems ?? error.details.issues
  if (Array.isArray(list) && list.length > 0) {
    return list.map((item: Record<string, unknown>) => ({
      line: typeof item.line === 'number' ? item.line : undefined,
      column:
        typeof item.column === 'string' || typeof item.column === 'number'
          ? item.column
          : undefined,
      message: typeof item.message === 'string' ? item.message : String(item.message ?? item),
    }))
  }
  const { line, column } = error.details
  return [
    {
      line: typeof line === 'number' ? line : undefined,
      column: typeof column === 'string' || typeof column === 'number' ? column : undefined,
      message: error.message,
    },
  ]
}

// "Line 4, column flags", unless the server's sentence says so already.
const where = ({ line, column, message }: CsvProblem) =>
  line !== undefined && message.startsWith(`Line ${line}`)
    ? ''
    : [line !== undefined && `Line ${line}`, column !== undefined && `column ${column}`]
        .filter(Boolean)
        .join(', ')

/** An upload's state: sending, what went wrong, or what was imported. */
export interface CsvUploadState {
  busy: boolean
  problems: CsvProblem[]
  done: string | null
  upload: (file: File) => Promise<void>
}

/** Sends a chosen CSV file as the negotiation's participants and keeps the outcome. */
export function useCsvUpload(
  negotiationId: string,
  onUploaded: (participants: Participant[]) => void,
): CsvUploadState {
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<CsvProblem[]>([])
  const [done, setDone] = useState<string | null>(null)
  const upload = async (file: File) => {
    setBusy(true)
    setProblems([])
    setDone(null)
    try {
      const answer = await uploadParticipantsCsv(negotiationId, await file.text())
      setDone(`Imported ${file.name}: ${counted(answer.participants.length, 'actor')}.`)
      onUploaded(answer.participants)
    } catch (error) {
      setProblems(csvProblems(error))
    } finally {
      setBusy(false)
    }
  }
  return { busy, problems, done, upload }
}

/** The chair's "Upload CSV…" button: a file input behind a label that looks like a button. */
export function CsvUploadButton({ state }: { state: CsvUploadState }) {
  const inputId = useId()
  return (
    <span className="csv-upload">
      <label htmlFor={inputId} className="button" aria-disabled={state.busy}>
        {state.busy ? 'Uploading…' : 'Upload CSV…'}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        disabled={state.busy}
        data-testid="csv-input"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) void state.upload(file)
        }}
      />
    </span>
  )
}

/** What came of an upload: how many actors were imported, or each problem with its place. */
export function CsvUploadResult({ state }: { state: CsvUploadState }) {
  const { problems, done } = state
  return (
    <>
      {done && (
        <p className="upload-done" role="status">
          {done}
        </p>
      )}
      {problems.length > 0 && (
        <div className="upload-problems" role="alert">
          <strong>The file was not imported; nothing changed.</strong>
          <ul>
            {problems.slice(0, 20).map((p, i) => (
              <li key={i}>
                {where(p) && <span className="problem-where">{where(p)}: </span>}
                {p.message}
              </li>
            ))}
          </ul>
          {problems.length > 20 && <p>…and {problems.length - 20} more.</p>}
        </div>
      )}
    </>
  )
}
