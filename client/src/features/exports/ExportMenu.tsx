import { useEffect, useId, useRef, useState } from 'react'
import { hasFrozenText, listRounds, type RoundState } from '../rounds/roundsApi'
import {
  COMPENDIUM_FORMATS,
  POSITIONS_FORMATS,
  PROPOSALS_VIEW_FORMATS,
  TEXT_FORMATS,
  downloadName,
  exportUrl,
  proposalsViewUrl,
} from './exportLinks'

interface ExportMenuProps {
  negotiationId: string
  /** Whether the whole negotiation may be exported as JSON (administrators: drafts and notes). */
  mayExportAll: boolean
}

/**
 * "Export" in the top bar: the current text or a closed round's text as DOCX, print HTML, PDF or
 * Akoma Ntoso; the compendium of proposals as DOCX or HTML; the whole negotiation as JSON for the
 * administrator. Plain links that download (the server names the files).
 */
export function ExportMenu({ negotiationId, mayExportAll }: ExportMenuProps) {
  const id = useId()
  const ref = useRef<HTMLDetailsElement>(null)
  const [open, setOpen] = useState(false)
  const [rounds, setRounds] = useState<RoundState[]>([])
  const [round, setRound] = useState('')

  useEffect(() => {
    if (!open) return
    const abort = new AbortController()
    // Without the rounds only the current text is offered; nothing to tell.
    listRounds(negotiationId, abort.signal).then(setRounds, () => {})
    // A click elsewhere closes the menu, as menus do.
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => {
      abort.abort()
      document.removeEventListener('pointerdown', away)
    }
  }, [open, negotiationId])

  const closed = rounds.filter(hasFrozenText)
  const link = (file: string, label: string, roundId?: string) => (
    <a
      key={file}
      className="export-link"
      href={exportUrl(negotiationId, file, roundId)}
      download={downloadName(negotiationId, file, roundId)}
    >
      {label}
    </a>
  )

  return (
    <details
      ref={ref}
      className="export-menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        setOpen(false)
        ref.current?.querySelector('summary')?.focus()
      }}
    >
      <summary className="view-link">Export</summary>
      <div className="export-panel" data-testid="export-menu">
        <section aria-labelledby={`${id}-text`}>
          <h2 id={`${id}-text`} className="panel-heading">
            Text
          </h2>
          <div className="field">
            <label htmlFor={`${id}-round`}>Which text</label>
            <select id={`${id}-round`} value={round} onChange={(e) => setRound(e.target.value)}>
              <option value="">Current text</option>
              {closed.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.snapshotName ?? r.name}
                </option>
              ))}
            </select>
          </div>
          <div className="export-links">
            {TEXT_FORMATS.map((f) => link(f.file, f.label, round || undefined))}
          </div>
        </section>
        <section aria-labelledby={`${id}-brackets`}>
          <h2 id={`${id}-brackets`} className="panel-heading">
            Text with brackets (tabled proposals)
          </h2>
          <div className="export-links">
            {PROPOSALS_VIEW_FORMATS.map((f) => (
              <a
                key={f.file}
                className="export-link"
                href={proposalsViewUrl(negotiationId, f.file)}
                download={downloadName(negotiationId, `with-proposals-${f.file}`)}
              >
                {f.label}
              </a>
            ))}
          </div>
        </section>
        <section aria-labelledby={`${id}-compendium`}>
          <h2 id={`${id}-compendium`} className="panel-heading">
            Compendium of proposals
          </h2>
          <div className="export-links">{COMPENDIUM_FORMATS.map((f) => link(f.file, f.label))}</div>
        </section>
        <section aria-labelledby={`${id}-positions`}>
          <h2 id={`${id}-positions`} className="panel-heading">
            Who stands where
          </h2>
          <div className="export-links">{POSITIONS_FORMATS.map((f) => link(f.file, f.label))}</div>
        </section>
        {mayExportAll && (
          <section aria-labelledby={`${id}-all`}>
            <h2 id={`${id}-all`} className="panel-heading">
              Whole negotiation
            </h2>
            <div className="export-links">
              {link('negotiation.json', 'JSON (backup, moves to another Plenary)')}
            </div>
          </section>
        )}
      </div>
    </details>
  )
}
