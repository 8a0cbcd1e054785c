import { useId, useState, type FormEvent } from 'react'
import { ConfirmDialog } from '../common/ConfirmDialog'
import { ImportRevisionMatches, currentArticlesOf } from './ImportRevisionMatches'
import {
  applyRevision,
  previewRevision,
  type RevisionPreview,
  type RevisionRequest,
} from './importRevisionApi'
import './importRevision.css'

interface ImportRevisionPanelProps {
  negotiationId: string
  /** Runs the import through the page (errors shown, rounds read again). */
  run: (action: () => Promise<unknown>) => Promise<void>
}

/**
 * The chair's import of a revised text as the next round's: a file or pasted text, the proposed
 * matching of its articles to the current ones (doubtful ones to check, each changeable), then,
 * after a question, the import: the open round closes with its text frozen, the next opens.
 */
export function ImportRevisionPanel({ negotiationId, run }: ImportRevisionPanelProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [docx, setDocx] = useState<string | undefined>()
  const [file, setFile] = useState<string | undefined>()
  const [roundName, setRoundName] = useState('')
  const [startDate, setStartDate] = useState('')
  const [preview, setPreview] = useState<RevisionPreview | null>(null)
  const [choices, setChoices] = useState<Record<number, string | null>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  const revision = (): RevisionRequest => ({
    ...(docx ? { docx } : { text }),
    file,
    round: {
      ...(roundName.trim() ? { name: roundName.trim() } : {}),
      ...(startDate ? { startDate } : {}),
    },
  })
  const reset = () => {
    setPreview(null)
    setChoices({})
    setDone(null)
  }
  const showPreview = (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    previewRevision(negotiationId, revision())
      .then((p) => {
        setPreview(p)
        setChoices(Object.fromEntries(p.matching.matches.map((m) => [m.newIndex, m.matchedId])))
      })
      .catch((e: unknown) => setError((e as Error).message))
      .finally(() => setBusy(false))
  }
  const apply = () => {
    if (!preview) return
    setBusy(true)
    run(async () => {
      // The doubtful rows (confirmed by importing) and the rows the chair changed.
      const answers = Object.fromEntries(
        preview.matching.matches
          .filter((m) => m.confidence === 'doubtful' || choices[m.newIndex] !== m.matchedId)
          .map((m) => [m.newIndex, choices[m.newIndex] ?? null]),
      )
      const imported = await applyRevision(negotiationId, revision(), answers)
      setDone(imported.summary)
      setPreview(null)
      setText('')
      setDocx(undefined)
      setFile(undefined)
    })
      .catch(() => {})
      .finally(() => setBusy(false))
  }

  return (
    <section className="panel import-revision" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="panel-heading">
        Import a revised text
      </h3>
      <p className="muted small">
        The open round closes with its text frozen; the revised text becomes the next round’s, each
        article keeping its history where it continues one of today’s.
      </p>
      <form className="stack-form" onSubmit={showPreview}>
        <div className="field">
          <label htmlFor={`${id}-file`}>File (Word, Markdown or plain text)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".docx,.md,.markdown,.txt,text/plain,text/markdown"
            onChange={(e) => {
              const chosen = e.target.files?.[0]
              if (!chosen) return
              const word = /\.docx$/i.test(chosen.name)
              void (word ? chosen.arrayBuffer().then(toBase64) : chosen.text()).then((t) => {
                setDocx(word ? t : undefined)
                setText(word ? '' : t)
                setFile(chosen.name)
                reset()
              })
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>Or paste the text</label>
          <textarea
            id={`${id}-text`}
            rows={5}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setDocx(undefined)
              setFile(undefined)
              reset()
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-round`}>Name of the next round</label>
          <input
            id={`${id}-round`}
            maxLength={200}
            placeholder="the text’s title"
            value={roundName}
            onChange={(e) => setRoundName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date of the text</label>
          <input
            id={`${id}-date`}
            type="date"
            value={startDate}
            onChange={(e) => setStartDate(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy || (!docx && text.trim() === '')}>
          Preview the matching
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="import-revision-done" role="status">
          {done}
        </p>
      )}
      {preview && (
        <div className="import-revision-preview" data-testid="revision-preview">
          <p role="status">
            “{preview.title}”: {preview.articles} articles — {preview.sure} sure,{' '}
            <strong>{preview.doubtful} to check</strong>, {preview.new} new, {preview.removed}{' '}
            removed. Brackets {preview.counts.brackets.before} → {preview.counts.brackets.after},
            option blocks {preview.counts.options.before} → {preview.counts.options.after}.
          </p>
          {preview.warnings.length > 0 && (
            <details className="import-revision-warnings">
              <summary>
                {preview.warnings.length} {preview.warnings.length === 1 ? 'warning' : 'warnings'}{' '}
                from the import
              </summary>
              <ul>
                {preview.warnings.slice(0, 200).map((w, i) => (
                  <li key={i}>
                    Line {w.line}: {w.message}
                    {w.context && <span className="muted"> — {w.context}</span>}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <ImportRevisionMatches
            matching={preview.matching}
            current={currentArticlesOf(preview.matching)}
            choices={choices}
            onChoose={(index, articleId) => setChoices((c) => ({ ...c, [index]: articleId }))}
          />
          <button type="button" className="button" disabled={busy} onClick={() => setAsking(true)}>
            Import as the next round…
          </button>
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title="Import the revised text?"
        confirmLabel="Import"
        danger={false}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false)
          apply()
        }}
      >
        The open round closes and its text is frozen as it stands; the revised text replaces the
        text for everyone, live, as the text of the next round, with the matching shown.
      </ConfirmDialog>
    </section>
  )
}

/** A file's bytes in base64, as the JSON body carries a Word file. */
function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
