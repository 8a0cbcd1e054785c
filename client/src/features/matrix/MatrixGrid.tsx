import {
  changeText,
  columnPath,
  rowTreatyText,
  type Matrix,
  type MatrixCell,
  type MatrixColumn,
  type MatrixRow,
} from '../../../../shared/domain/stances/matrix'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import { StanceMark } from './StanceMark'

interface MatrixGridProps {
  matrix: Matrix
  data: StanceData
  /** The column whose entries narrow the rows ("who said anything on it"), if any. */
  focused: string | null
  onColumn: (column: MatrixColumn) => void
  onCell: (row: MatrixRow, column: MatrixColumn) => void
}

const issueTitle = (data: StanceData, id: string) =>
  data.issues.find((i) => i.id === id)?.title ?? id

/**
 * The matrix as a table: a row per actor (its region and treaty status under its name), a column
 * per issue (children indented under their parent) or proposal. A column's header is a button
 * that narrows the rows to those who said something on it and opens who said what; a cell with
 * entries is a button that opens them.
 */
export function MatrixGrid({ matrix, data, focused, onColumn, onCell }: MatrixGridProps) {
  return (
    <div className="table-scroll matrix-scroll">
      <table className="data-table matrix">
        <caption className="visually-hidden">
          Positions of {matrix.rows.length} actors on {matrix.columns.length}{' '}
          {matrix.columns[0]?.kind === 'proposal' ? 'proposals' : 'issues'}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-actor">
              Actor
            </th>
            {matrix.columns.map((c) => (
              <th scope="col" key={c.key} className={`matrix-col depth-${Math.min(c.depth, 3)}`}>
                {c.parents.length > 0 && (
                  <span className="matrix-parent" title={c.parents.join(' › ')}>
                    ↳ {c.parents.join(' › ')}
                  </span>
                )}
                <button
                  type="button"
                  className="matrix-col-button"
                  aria-pressed={focused === c.key}
                  title={`Who said what on ${columnPath(c)}`}
                  onClick={() => onColumn(c)}
                >
                  {c.title}
                </button>
                {c.synthetic && <span className="prov prov-synthetic">Synthetic</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.actor.id}>
              <th scope="row" className="matrix-actor">
                <span className="matrix-actor-name">{row.actor.name}</span>
                {row.actor.region && <span className="matrix-region">{row.actor.region}</span>}
                <TreatyLine row={row} matrix={matrix} />
              </th>
              {matrix.columns.map((c) => (
                <td key={c.key} className="matrix-cell">
                  <Cell
                    cell={row.cells[c.key]}
                    matrix={matrix}
                    data={data}
                    label={`${row.actor.name} on ${columnPath(c)}`}
                    onOpen={() => onCell(row, c)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A state's treaty status under its name, worded as in the actors table; unknown said so. */
function TreatyLine({ row, matrix }: { row: MatrixRow; matrix: Matrix }) {
  const words = rowTreatyText(row, matrix)
  if (!words) return null
  return (
    <span
      className={`matrix-treaty${words.known ? '' : ' is-unknown'}`}
      title={words.title || undefined}
      data-testid="matrix-treaty"
    >
      <span className="visually-hidden">Treaty status: </span>
      {words.text}
    </span>
  )
}

interface CellProps {
  cell: MatrixCell | undefined
  matrix: Matrix
  data: StanceData
  label: string
  onOpen: () => void
}

/** One cell: the stance (or the change), and its marks, as a button when it has entries. */
function Cell({ cell, matrix, data, label, onOpen }: CellProps) {
  if (!cell || (!cell.now && !cell.then)) return <span className="stance-none">—</span>
  const now = cell.now
  const comparing = matrix.compare !== null
  return (
    <button type="button" className="matrix-cell-button" aria-haspopup="dialog" onClick={onOpen}>
      <span className="visually-hidden">{label}: </span>
      {comparing ? (
        <span className={`matrix-change change-${cell.change ?? 'none'}`}>
          {changeText(cell, matrix.earlier)}
        </span>
      ) : (
        <StanceMark cell={now} />
      )}
      {now?.inheritedFrom && (
        <span className="matrix-mark matrix-inherited">
          said of {issueTitle(data, now.inheritedFrom)}
        </span>
      )}
      {now?.disagree && <span className="matrix-mark matrix-disagree">records differ</span>}
      {cell.synthetic && (
        <span className="matrix-mark prov-synthetic">
          <span aria-hidden="true">◬ </span>Synthetic
        </span>
      )}
    </button>
  )
}
