import { FLAGS, type Flag } from '../actors'
import { STATEMENT_STANCES, type StatementStance } from './types'

/** Which records the matrix reads: every one the reader may see, the secretariat's, or the reader's own. */
export const RECORD_CHOICES = ['all', 'secretariat', 'mine'] as const
export type RecordChoice = (typeof RECORD_CHOICES)[number]

/** A treaty status filter: signed (not yet bound), ratified (or acceded...), neither. */
export const TREATY_FILTERS = ['signed', 'ratified', 'neither'] as const
export type TreatyFilter = (typeof TREATY_FILTERS)[number]

/** A stance filter on one column: a stance, records disagreeing, any entry, or none at all. */
export const CELL_FILTERS = [...STATEMENT_STANCES, 'mixed', 'any', 'none'] as const
export type CellFilter = (typeof CELL_FILTERS)[number]

/** How rows are sorted: by actor name, by region, or by the stance in one column. */
export const SORT_KEYS = ['actor', 'region', 'column'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/**
 * What the positions matrix shows, as its address holds it (`?round=…&compare=…&region=…`), so a
 * link reproduces the view and the CSV and XLSX exports take the same parameters.
 */
export interface MatrixQuery {
  columns: 'issues' | 'proposals'
  /** A round id, 'all' for the latest entry of each record, or null for the default round. */
  round: string | null
  /** A round to compare with (the change between the two), or null. */
  compare: string | null
  records: RecordChoice
  region: string | null
  unGroup: string | null
  flag: Flag | null
  /** Attended this round (participants' round records). */
  attended: string | null
  /** Endorsed this declaration. */
  endorsed: string | null
  /** Has not (yet) endorsed this declaration. */
  notEndorsed: string | null
  treaty: TreatyFilter | null
  /** One of the reader's group's target lists. */
  target: string | null
  /** A column key (`issue:<id>`, `proposal:<id>`) the stance filter and column sort read. */
  column: string | null
  stance: CellFilter | null
  /** Only actors with an entry in some column of the view. */
  withEntries: boolean
  sort: SortKey
  descending: boolean
}

/** The matrix's default view: issues, the default round, every record, no filter, by actor. */
export const DEFAULT_QUERY: MatrixQuery = {
  columns: 'issues',
  round: null,
  compare: null,
  records: 'all',
  region: null,
  unGroup: null,
  flag: null,
  attended: null,
  endorsed: null,
  notEndorsed: null,
  treaty: null,
  target: null,
  column: null,
  stance: null,
  withEntries: false,
  sort: 'actor',
  descending: false,
}

// Parameter names in the address, in the order they are written.
const TEXT_PARAMS = {
  round: 'round',
  compare: 'compare',
  region: 'region',
  unGroup: 'group',
  attended: 'attended',
  endorsed: 'endorsed',
  notEndorsed: 'notEndorsed',
  target: 'target',
  column: 'col',
} as const satisfies Partial<Record<keyof MatrixQuery, string>>

const oneOf = <T extends string>(list: readonly T[], v: string): v is T =>
  (list as readonly string[]).includes(v)

/** A matrix query read from address parameters, and the sentences of any it could not read. */
export function parseMatrixQuery(get: (name: string) => string | null): {
  query: MatrixQuery
  problems: string[]
} {
  const query: MatrixQuery = { ...DEFAULT_QUERY }
  const problems: string[] = []
  for (const [field, name] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
    const v = get(name)
    if (v === null || v === '') continue
    if (v.length > 200) problems.push(`${name} is too long.`)
    else query[field] = v
  }
  const pick = <T extends string>(name: string, list: readonly T[]): T | null => {
    const v = get(name)
    if (v === null || v === '') return null
    if (oneOf(list, v)) return v
    problems.push(`${name} must be one of ${list.join(', ')}.`)
    return null
  }
  query.columns = pick('columns', ['issues', 'proposals'] as const) ?? 'issues'
  query.records = pick('records', RECORD_CHOICES) ?? 'all'
  query.flag = pick('flag', FLAGS)
  query.treaty = pick('treaty', TREATY_FILTERS)
  query.stance = pick('stance', CELL_FILTERS)
  query.sort = pick('sort', SORT_KEYS) ?? 'actor'
  query.descending = pick('desc', ['1', '0'] as const) === '1'
  query.withEntries = pick('entries', ['1', '0'] as const) === '1'
  return { query, problems }
}

/** The address parameters of a query: only what differs from the default. */
export function matrixQueryParams(query: MatrixQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.columns !== 'issues') params.set('columns', query.columns)
  if (query.records !== 'all') params.set('records', query.records)
  for (const [field, name] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, string][]) {
    const v = query[field]
    if (v) params.set(name, v)
  }
  if (query.flag) params.set('flag', query.flag)
  if (query.treaty) params.set('treaty', query.treaty)
  if (query.stance) params.set('stance', query.stance)
  if (query.sort !== 'actor') params.set('sort', query.sort)
  if (query.descending) params.set('desc', '1')
  if (query.withEntries) params.set('entries', '1')
  return params
}

/** The stance words of a cell filter, as the picker shows them. */
export const CELL_FILTER_LABELS: Record<CellFilter, string> = {
  supports: 'Supports',
  opposes: 'Opposes',
  concerns: 'Concerns',
  neutral: 'Neutral',
  statement: 'Statement (no stance)',
  mixed: 'Records disagree',
  any: 'Any entry',
  none: 'No entry',
}

/** The stance a filter value stands for, when it is one. */
export const isStatementStance = (v: CellFilter): v is StatementStance =>
  oneOf(STATEMENT_STANCES, v)
