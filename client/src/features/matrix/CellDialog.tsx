import { useEffect, useId, useRef } from 'react'
import type { StanceCell } from '../../../../shared/domain/stances/cells'
import {
  columnPath,
  recordName,
  roundName,
  type Matrix,
  type MatrixColumn,
  type MatrixRow,
} from '../../../../shared/domain/stances/matrix'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import { STATEMENT_STANCE_LABELS } from '../../../../shared/domain/stances/statements'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { STANCE_SYMBOLS } from './StanceMark'

interface CellDialogProps {
  open: { row: MatrixRow; column: MatrixColumn } | null
  matrix: Matrix
  data: StanceData
  onClose: () => void
}

/** The entries behind one cell: who said it, in whose record, when, where from, in what words. */
export function CellDialog({ open, matrix, data, onClose }: CellDialogProps) {
  const titleId = useId()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  const cell = open ? open.row.cells[open.column.key] : undefined
  const parts: [string, StanceCell | null][] = cell
    ? matrix.compare
      ? [
          [roundName(data, matrix.round), cell.now],
          [roundName(data, matrix.compare), cell.then],
        ]
      : [[roundName(data, matrix.round), cell.now]]
    : []

  return (
    <dialog
      ref={ref}
      className="dialog matrix-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>
            {open.row.actor.name} on {columnPath(open.column)}
          </h2>
          {parts.map(([round, part]) => (
            <section key={round} aria-label={round}>
              {parts.length > 1 && <h3 className="subheading">{round}</h3>}
              <Entries cell={part} data={data} />
            </section>
          ))}
          <div className="dialog-buttons">
            <button type="button" autoFocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  )
}

function Entries({ cell, data }: { cell: StanceCell | null; data: StanceData }) {
  if (!cell) return <p>Nothing recorded.</p>
  const actorName = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id
  return (
    <>
      {cell.inheritedFrom && (
        <p className="matrix-note">
          Said of <strong>{data.issues.find((i) => i.id === cell.inheritedFrom)?.title}</strong>,
          the parent issue: nothing was recorded on this one itself.
        </p>
      )}
      {cell.disagree && <p className="matrix-note">The records disagree.</p>}
      <ul className="matrix-entries">
        {cell.entries.map((e) => (
          <li key={e.id} className="matrix-entry">
            <p className="matrix-entry-head">
              <strong>{actorName(e.actorId)}</strong>{' '}
              <span className={`stance-mark stance-${e.stance}`}>
                <span aria-hidden="true">{STANCE_SYMBOLS[e.stance]} </span>
                {STATEMENT_STANCE_LABELS[e.stance]}
              </span>
              <ProvenanceBadge provenance={e.provenance} source={e.source} />
            </p>
            <dl className="matrix-entry-facts">
              <dt>Record</dt>
              <dd>{recordName(e, data)}</dd>
              <dt>Round</dt>
              <dd>{e.roundId ? roundName(data, e.roundId) : 'Unknown'}</dd>
              <dt>Date</dt>
              <dd>{e.date ?? 'Unknown'}</dd>
              <dt>Source</dt>
              <dd>{e.source || 'None given'}</dd>
            </dl>
            {e.quote && <blockquote className="matrix-quote">{e.quote}</blockquote>}
          </li>
        ))}
      </ul>
    </>
  )
}
