import type { Round } from '../../../../shared/domain/rounds'
import type { RoundRecord } from './actorsApi'
import { shortPlace } from './participantView'

interface RoundCellProps {
  actorName: string
  round: Round
  record: RoundRecord
  canAttend: boolean
  canEndorse: boolean
  busy: boolean
  onChange: (change: Partial<RoundRecord>) => void
}

/**
 * One actor in one round: "attended" and "endorsed" marks, each a toggle button for those who
 * may record it and a plain mark for everyone else.
 */
export function RoundCell(props: RoundCellProps) {
  const { actorName, round, record, canAttend, canEndorse, busy, onChange } = props
  const place = shortPlace(round)
  return (
    <td className="col-round">
      <Mark
        kind="attended"
        on={record.attended}
        label={`${actorName} attended ${place}`}
        editable={canAttend}
        busy={busy}
        onToggle={() => onChange({ attended: !record.attended })}
      />
      <Mark
        kind="endorsed"
        on={record.endorsed}
        label={`${actorName} endorsed the ${place} declaration`}
        editable={canEndorse}
        busy={busy}
        onToggle={() => onChange({ endorsed: !record.endorsed })}
      />
    </td>
  )
}

interface MarkProps {
  kind: 'attended' | 'endorsed'
  on: boolean
  label: string
  editable: boolean
  busy: boolean
  onToggle: () => void
}

const GLYPH = { attended: 'A', endorsed: 'E' } as const

// A mark: a pressed/unpressed button when editable, else a letter that is there or not.
function Mark({ kind, on, label, editable, busy, onToggle }: MarkProps) {
  const className = `mark mark-${kind}${on ? ' is-on' : ''}`
  if (editable) {
    return (
      <button
        type="button"
        className={`${className} mark-toggle`}
        aria-pressed={on}
        aria-label={label}
        title={label}
        disabled={busy}
        data-mark={kind}
        onClick={onToggle}
      >
        {GLYPH[kind]}
      </button>
    )
  }
  if (!on) return <span className="mark mark-empty" aria-hidden="true" />
  return (
    <span className={className} title={label} data-mark={kind}>
      <span aria-hidden="true">{GLYPH[kind]}</span>
      <span className="visually-hidden">{kind}</span>
    </span>
  )
}
