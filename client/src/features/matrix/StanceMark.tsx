import type { StatementStance } from '../../../../shared/domain/stances/types'
import { stanceText } from '../../../../shared/domain/stances/matrix'
import type { StanceCell } from '../../../../shared/domain/stances/cells'

/** A symbol per stance, so a cell never reads by colour alone. */
export const STANCE_SYMBOLS: Record<StatementStance | 'mixed', string> = {
  supports: '✓',
  opposes: '✗',
  concerns: '!',
  neutral: '○',
  statement: '…',
  mixed: '≠',
}

/** A stance as symbol, word and colour: "✓ Supports". */
export function StanceMark({ cell }: { cell: StanceCell | null }) {
  if (!cell?.stance) return <span className="stance-none">—</span>
  return (
    <span className={`stance-mark stance-${cell.stance}`}>
      <span aria-hidden="true">{STANCE_SYMBOLS[cell.stance]} </span>
      {stanceText(cell)}
    </span>
  )
}
