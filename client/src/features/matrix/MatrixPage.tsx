import { useEffect, useMemo, useState } from 'react'
import {
  buildMatrix,
  columnSummary,
  ownRecord,
  roundName,
  type MatrixColumn,
  type MatrixRow,
} from '../../../../shared/domain/stances/matrix'
import { matrixQueryParams } from '../../../../shared/domain/stances/matrixQuery'
import type { StancePageProps } from '../stances/useStanceData'
import { useStanceData } from '../stances/useStanceData'
import { CellDialog } from './CellDialog'
import { ColumnSummary } from './ColumnSummary'
import { MatrixFilters } from './MatrixFilters'
import { MatrixGrid } from './MatrixGrid'
import { useMatrixQuery } from './useMatrixQuery'
import './matrix.css'

/**
 * Positions: who stands where, actors by issues or proposals, for a round or the change between
 * two; filters and sort in the address; a column's header answers who said what on it, a cell
 * opens its entries with their sources; the same view downloads as CSV or XLSX.
 */
export function MatrixPage({ negotiationId, principal }: StancePageProps) {
  const { data, error } = useStanceData(negotiationId)
  const [query, change] = useMatrixQuery()
  const [open, setOpen] = useState<{ row: MatrixRow; column: MatrixColumn } | null>(null)
  const own = ownRecord(principal)
  const matrix = useMemo(() => (data ? buildMatrix(data, query, own) : null), [data, query, own])
  const focused = query.column && query.stance === 'any' ? query.column : null
  const summary = useMemo(
    () => (data && focused ? columnSummary(data, query, own, focused) : null),
    [data, query, own, focused],
  )
  useEffect(() => {
    document.title = 'Positions · Plenary'
  }, [])

  const role = principal.membership?.role
  const ownLabel =
    role === 'delegate' ? 'Only my delegation’s' : role === 'campaigner' ? 'Only my group’s' : null
  const download = (ext: 'csv' | 'xlsx') => {
    const params = matrixQueryParams({ ...query, round: matrix?.round ?? null })
    return `/api/negotiations/${encodeURIComponent(negotiationId)}/matrix.${ext}?${params.toString()}`
  }
  // A column's header answers who said what on it: the rows narrow to those with an entry, and
  // if the round shown has none on it, the latest round that has one is shown instead.
  const onColumn = (c: MatrixColumn) => {
    if (focused === c.key) return change({ column: null, stance: null, sort: 'actor' })
    const spoken = data ? (columnSummary(data, query, own, c.key)?.rounds ?? []) : []
    const shown = matrix?.round
    const round =
      shown !== 'all' && spoken.length > 0 && !spoken.some((r) => r.roundId === shown)
        ? spoken[spoken.length - 1]!.roundId
        : query.round
    change({ column: c.key, stance: 'any', sort: 'column', round })
  }

  return (
    <main className="sheet matrix-page" aria-labelledby="matrix-heading">
      <div className="sheet-head">
        <h2 id="matrix-heading" className="sheet-title">
          Positions{' '}
          {matrix && data && (
            <span className="count">
              {roundName(data, matrix.round)}
              {matrix.compare && ` compared with ${roundName(data, matrix.compare)}`} ·{' '}
              {matrix.rows.length === matrix.totalRows
                ? `${matrix.totalRows} actors`
                : `${matrix.rows.length} of ${matrix.totalRows} actors`}
            </span>
          )}
        </h2>
        {matrix && (
          <div className="sheet-actions">
            <a className="button" href={download('csv')} download>
              Download CSV
            </a>
            <a className="button" href={download('xlsx')} download>
              Download XLSX
            </a>
          </div>
        )}
      </div>
      {error && !data && <p role="alert">Could not load the positions: {error}</p>}
      {!data && !error && <p role="status">Loading the positions…</p>}
      {data && matrix && (
        <>
          <MatrixFilters
            query={query}
            matrix={matrix}
            data={data}
            ownLabel={ownLabel}
            targets={role === 'campaigner'}
            onChange={change}
          />
          {matrix.ignored.map((sentence) => (
            <p key={sentence} className="form-error" role="status">
              {sentence}
            </p>
          ))}
          <p className="legend">
            A column’s title shows who said what on it. ✓ supports, ✗ opposes, ! concerns, ○
            neutral, … a statement without a stance, ≠ records disagree; “said of” marks an entry on
            the parent issue. Select a cell for its sources.
          </p>
          {summary && (
            <ColumnSummary
              summary={summary}
              data={data}
              onClose={() => change({ column: null, stance: null, sort: 'actor' })}
            />
          )}
          {matrix.columns.length === 0 ? (
            <p>No {query.columns === 'proposals' ? 'tabled proposal' : 'issue'} yet.</p>
          ) : matrix.rows.length === 0 ? (
            <p>No actor matches these filters.</p>
          ) : (
            <MatrixGrid
              matrix={matrix}
              data={data}
              focused={focused}
              onColumn={onColumn}
              onCell={(row, column) => setOpen({ row, column })}
            />
          )}
          <CellDialog open={open} matrix={matrix} data={data} onClose={() => setOpen(null)} />
        </>
      )}
    </main>
  )
}
