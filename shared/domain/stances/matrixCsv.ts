import { guardFormula, writeCsv } from '../csv'
import {
  changeText,
  columnPath,
  recordName,
  roundName,
  rowTreatyText,
  stanceText,
  type Matrix,
  type MatrixCell,
  type MatrixColumn,
} from './matrix'
import type { StanceData } from './stanceData'
import { PROVENANCE_LABELS, STATEMENT_STANCE_LABELS } from './statements'
import type { Statement } from './types'

/**
 * The positions matrix as a table for spreadsheets: one row per actor (with its treaty status),
 * three columns per issue or proposal (the stance, the provenance of its entries, and whose records hold what), or one
 * row per entry ("long"). Free text is guarded against formulas; the XLSX export reads the same
 * rows.
 */

/** The header and rows of the matrix as a sheet, plain strings. */
export interface MatrixTable {
  header: string[]
  rows: string[][]
}

const ACTOR_HEADER = ['Actor', 'Actor id', 'Region', 'UN regional group', 'Treaty status']

const titleOf = (data: Pick<StanceData, 'issues'>, issueId: string) =>
  data.issues.find((i) => i.id === issueId)?.title ?? issueId

/** The cell's words: the stance (or the change), marked when said of a parent issue. */
export function cellWords(
  cell: MatrixCell,
  matrix: Matrix,
  data: Pick<StanceData, 'issues'>,
): string {
  if (matrix.compare !== null) return changeText(cell, matrix.earlier)
  const now = cell.now
  if (!now) return ''
  const text = stanceText(now)
  return now.inheritedFrom ? `${text} (said of ${titleOf(data, now.inheritedFrom)})` : text
}

const entriesOf = (cell: MatrixCell): Statement[] => [
  ...(cell.now?.entries ?? []),
  ...(cell.then?.entries ?? []),
]

/** The provenances of a cell's entries: "Reported", "Reported; Synthetic". */
export function cellProvenance(cell: MatrixCell): string {
  const seen = new Set(entriesOf(cell).map((e) => e.provenance))
  return (['reported', 'recorded', 'synthetic'] as const)
    .filter((p) => seen.has(p))
    .map((p) => PROVENANCE_LABELS[p])
    .join('; ')
}

/** Whose records hold what: "Secretariat: Supports; Cluster Munition Coalition (private): Concerns". */
export function cellRecords(cell: MatrixCell, data: Pick<StanceData, 'actors' | 'groups'>): string {
  const said = new Map<string, Set<string>>()
  for (const e of entriesOf(cell)) {
    const name = recordName(e, data)
    said.set(name, (said.get(name) ?? new Set()).add(STATEMENT_STANCE_LABELS[e.stance]))
  }
  return [...said].map(([name, stances]) => `${name}: ${[...stances].join(' / ')}`).join('; ')
}

// Treaty status as the actors table words it; a state not in the list is "Unknown: …", never "not signed".
const actorCells = (row: Matrix['rows'][number], matrix: Matrix) => [
  row.actor.name,
  row.actor.id,
  row.actor.region ?? '',
  row.actor.unRegionalGroup ?? '',
  rowTreatyText(row, matrix)?.text ?? '',
]

/** The matrix wide: one row per actor, three columns per issue or proposal. */
export function matrixTable(matrix: Matrix, data: StanceData): MatrixTable {
  const header = [
    ...ACTOR_HEADER,
    ...matrix.columns.flatMap((c) => {
      const title = columnPath(c) + (c.synthetic ? ' [Synthetic]' : '')
      return [title, `${title}: provenance`, `${title}: records`]
    }),
  ]
  const rows = matrix.rows.map((row) => [
    ...actorCells(row, matrix),
    ...matrix.columns.flatMap((c) => {
      const cell = row.cells[c.key]
      if (!cell) return ['', '', '']
      return [cellWords(cell, matrix, data), cellProvenance(cell), cellRecords(cell, data)]
    }),
  ])
  return { header: header.map(guardFormula), rows: rows.map((r) => r.map(guardFormula)) }
}

/** The matrix long: one row per entry shown, with its record, provenance, source and quote. */
export function matrixLongTable(matrix: Matrix, data: StanceData): MatrixTable {
  const header = [
    ...ACTOR_HEADER,
    'Kind',
    'Issue or proposal',
    'Round shown',
    'Stance',
    'Said of',
    'Round',
    'Date',
    'Record',
    'Provenance',
    'Source',
    'Quote',
  ]
  const rows: string[][] = []
  const line = (
    row: Matrix['rows'][number],
    c: MatrixColumn,
    shown: string,
    cell: MatrixCell['now'],
  ) => {
    for (const e of cell?.entries ?? []) {
      rows.push([
        ...actorCells(row, matrix),
        c.kind,
        columnPath(c),
        roundName(data, shown),
        STATEMENT_STANCE_LABELS[e.stance],
        cell?.inheritedFrom ? titleOf(data, cell.inheritedFrom) : '',
        e.roundId ? roundName(data, e.roundId) : 'Unknown',
        e.date ?? '',
        recordName(e, data),
        PROVENANCE_LABELS[e.provenance],
        e.source,
        e.quote,
      ])
    }
  }
  for (const row of matrix.rows) {
    for (const c of matrix.columns) {
      const cell = row.cells[c.key]
      line(row, c, matrix.round, cell?.now ?? null)
      if (matrix.compare) line(row, c, matrix.compare, cell?.then ?? null)
    }
  }
  return { header, rows: rows.map((r) => r.map(guardFormula)) }
}

/** The table as CSV: UTF-8 with a byte-order mark (so spreadsheets read the accents), CRLF. */
export const matrixCsv = (table: MatrixTable): string =>
  '\ufeff' + writeCsv([table.header, ...table.rows])
