import type { Actor } from '../actors'
import type { Principal } from '../policy'
import { issueCells, proposalCells, type CellOptions, type StanceCell } from './cells'
import type { MatrixQuery } from './matrixQuery'
import { isStatementStance } from './matrixQuery'
import type { StanceData } from './stanceData'
import { recordLabel, STATEMENT_STANCE_LABELS } from './statements'
import { treatyAbsentText, treatyStatusText } from './treatyStatus'
import type { RecordKey, Statement, StatementStance, TreatyStatus } from './types'

/**
 * The positions matrix (issue 12): actors by issues (in tree order) or by tabled proposals, for
 * one round, every round (the latest entry of each record), or the change between two rounds;
 * rows filtered and sorted as a `MatrixQuery` says. Cells come from `issueCells` and
 * `proposalCells`, so inheritance from a parent issue and disagreeing records read the same
 * everywhere. Pure: the page, the CSV and the XLSX export all build from the reader's StanceData.
 */

/** A column: an issue (with its depth under its ancestors) or a tabled proposal. */
export interface MatrixColumn {
  /** `issue:<id>` or `proposal:<id>`, as the query's `col` names it. */
  key: string
  kind: 'issue' | 'proposal'
  id: string
  title: string
  /** 0 for a top-level issue or any proposal, 1 for a child, ... */
  depth: number
  /** The titles of its ancestors, outermost first ("Exemptions" for "Self-destruct"). */
  parents: string[]
  synthetic: boolean
}

/** How a cell changed between the earlier and the later of two rounds. */
export type CellChange = 'same' | 'changed' | 'new' | 'dropped'

/** One actor's cell in one column. */
export interface MatrixCell {
  /** What the chosen round holds (null: nothing). */
  now: StanceCell | null
  /** What the compared round holds, when comparing. */
  then: StanceCell | null
  /** The change from the earlier round to the later, when comparing and either has entries. */
  change: CellChange | null
  /** Whether any entry shown is synthetic (made up; never to be acted on). */
  synthetic: boolean
}

/** A row: an actor, its cells by column key, and its treaty status (null: not in the list). */
export interface MatrixRow {
  actor: Actor
  cells: Record<string, MatrixCell>
  treaty: TreatyStatus | null
}

/** The matrix as one reader sees it. */
export interface Matrix {
  /** The round shown: a round id, or 'all'. */
  round: string
  /** The round compared with, or null. */
  compare: string | null
  /** Which of the two rounds is earlier, when comparing ('round' or 'compare'). */
  earlier: 'round' | 'compare' | null
  columns: MatrixColumn[]
  rows: MatrixRow[]
  /** How many actors there are before filtering. */
  totalRows: number
  /** Filters that do not apply to this reader or this data, in a sentence each. */
  ignored: string[]
  /** What a row without treaty status is, in words ("not in the partial UNTC list"). */
  treatyAbsent: string
}

/** The record a reader keeps: a delegation's own, a campaign group's, else none. */
export function ownRecord(principal: Principal): RecordKey | null {
  const m = principal.membership
  if (m?.role === 'delegate') return `delegation:${m.actorId}`
  if (m?.role === 'campaigner') return `group:${m.groupId}`
  return null
}

/** Rounds oldest first (by start date, then id). */
export const roundsInOrder = (data: Pick<StanceData, 'rounds'>) =>
  [...data.rounds].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id),
  )

/**
 * The default round: the latest one with an entry the reader sees on the kind of columns shown
 * (issues or proposals), else 'all'.
 */
export function defaultRound(
  data: Pick<StanceData, 'rounds' | 'statements'>,
  columns: MatrixQuery['columns'] = 'issues',
): string {
  const kind = columns === 'issues' ? 'issue' : 'proposal'
  const spoken = new Set(
    data.statements.filter((s) => s.target.kind === kind).map((s) => s.roundId),
  )
  return (
    roundsInOrder(data)
      .reverse()
      .find((r) => spoken.has(r.id))?.id ?? 'all'
  )
}

/** The columns: issues depth-first in sibling order, or tabled proposals in tabling order. */
export function matrixColumns(data: StanceData, kind: MatrixQuery['columns']): MatrixColumn[] {
  if (kind === 'proposals') {
    return [...data.proposals]
      .sort((a, b) => (a.tabledSeq ?? 0) - (b.tabledSeq ?? 0) || a.id.localeCompare(b.id))
      .map((p) => ({
        key: `proposal:${p.id}`,
        kind: 'proposal',
        id: p.id,
        title: p.title,
        depth: 0,
        parents: [],
        synthetic: p.synthetic === true,
      }))
  }
  const ids = new Set(data.issues.map((i) => i.id))
  const children = new Map<string | null, StanceData['issues']>()
  for (const i of data.issues) {
    // An issue whose parent the reader does not have stands at the top.
    const parent = i.parentId && ids.has(i.parentId) ? i.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), i])
  }
  const out: MatrixColumn[] = []
  const visit = (parent: string | null, parents: string[]) => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.order - b.order || a.title.localeCompare(b.title),
    )
    for (const i of list) {
      // Bounded: each issue is visited once, however its parents are set.
      if (out.some((c) => c.id === i.id) || parents.length > 20) continue
      out.push({
        key: `issue:${i.id}`,
        kind: 'issue',
        id: i.id,
        title: i.title,
        depth: parents.length,
        parents,
        synthetic: i.provenance === 'synthetic',
      })
      visit(i.id, [...parents, i.title])
    }
  }
  visit(null, [])
  return out
}

/** The records a choice reads (undefined: all the reader may see). */
export function recordsOf(choice: MatrixQuery['records'], own: RecordKey | null) {
  if (choice === 'secretariat') return ['secretariat'] as RecordKey[]
  if (choice === 'mine') return own ? [own] : []
  return undefined
}

/** The cells of one column for one round ('all': the latest of each record). */
export function columnCells(
  data: StanceData,
  column: Pick<MatrixColumn, 'kind' | 'id'>,
  round: string,
  records: readonly RecordKey[] | undefined,
): Map<string, StanceCell> {
  const options: CellOptions = { roundId: round === 'all' ? null : round, records }
  return column.kind === 'issue'
    ? issueCells(data.issues, data.statements, column.id, options)
    : proposalCells(data.statements, column.id, options)
}

/** Every actor of the matrix: participants and anyone with an entry, by name. */
export function matrixActors(data: StanceData): Actor[] {
  const known = new Map(data.actors.map((a) => [a.id, a]))
  const ids = new Set([
    ...data.participants.map((p) => p.actorId),
    ...data.statements.map((s) => s.actorId),
  ])
  return [...ids]
    .map((id): Actor => known.get(id) ?? { id, kind: 'organisation', name: id })
    .sort((a, b) => a.name.localeCompare(b.name))
}

const isSynthetic = (entries: readonly Statement[] | undefined) =>
  (entries ?? []).some((e) => e.provenance === 'synthetic')

function changeOf(earlier: StanceCell | null, later: StanceCell | null): CellChange | null {
  if (!earlier && !later) return null
  if (!earlier) return 'new'
  if (!later) return 'dropped'
  return earlier.stance === later.stance ? 'same' : 'changed'
}

/** Builds the matrix one reader asked for, from what that reader may see. */
export function buildMatrix(data: StanceData, query: MatrixQuery, own: RecordKey | null): Matrix {
  const roundIds = new Set(data.rounds.map((r) => r.id))
  const ignored: string[] = []
  let round = query.round ?? defaultRound(data, query.columns)
  if (round !== 'all' && !roundIds.has(round)) {
    ignored.push(`There is no round "${round}"; showing every round.`)
    round = 'all'
  }
  let compare = query.compare
  if (compare !== null && (!roundIds.has(compare) || compare === round)) {
    if (compare !== round) ignored.push(`There is no round "${compare}" to compare with.`)
    compare = null
  }
  const order = roundsInOrder(data).map((r) => r.id)
  const earlier =
    compare === null
      ? null
      : round === 'all' || order.indexOf(compare) < order.indexOf(round)
        ? 'compare'
        : 'round'
  const records = recordsOf(query.records, own)
  const columns = matrixColumns(data, query.columns)
  const nowCells = new Map(columns.map((c) => [c.key, columnCells(data, c, round, records)]))
  const thenCells = compare
    ? new Map(columns.map((c) => [c.key, columnCells(data, c, compare, records)]))
    : null

  const actors = matrixActors(data)
  const treaty = new Map(data.treatyStatus.map((t) => [t.actorId, t]))
  const all = actors.map((actor): MatrixRow => {
    const cells: Record<string, MatrixCell> = {}
    for (const c of columns) {
      const now = nowCells.get(c.key)?.get(actor.id) ?? null
      const then = thenCells?.get(c.key)?.get(actor.id) ?? null
      cells[c.key] = {
        now,
        then,
        change: thenCells
          ? earlier === 'compare'
            ? changeOf(then, now)
            : changeOf(now, then)
          : null,
        synthetic: isSynthetic(now?.entries) || isSynthetic(then?.entries),
      }
    }
    return { actor, cells, treaty: treaty.get(actor.id) ?? null }
  })
  const keep = rowFilter(data, query, columns, ignored)
  const rows = all.filter(keep)
  rows.sort(rowOrder(query))
  const treatyAbsent = treatyAbsentText(data.treatyStatus)
  return { round, compare, earlier, columns, rows, totalRows: all.length, ignored, treatyAbsent }
}

/**
 * A state's treaty status in words, as the actors table says it ("Signed … · Ratified …", or
 * "Unknown: not in the partial UNTC list"); null for an organisation, which no treaty binds.
 */
export const rowTreatyText = (row: MatrixRow, matrix: Pick<Matrix, 'treatyAbsent'>) =>
  row.actor.kind === 'state' ? treatyStatusText(row.treaty, matrix.treatyAbsent) : null

/** Whether a row passes the query's filters; adds a sentence to `ignored` for one that cannot apply. */
function rowFilter(
  data: StanceData,
  q: MatrixQuery,
  columns: readonly MatrixColumn[],
  ignored: string[],
): (row: MatrixRow) => boolean {
  const participants = new Map(data.participants.map((p) => [p.actorId, p]))
  const endorsedBy = (declarationId: string) =>
    new Set(
      data.endorsements.filter((e) => e.declarationId === declarationId).map((e) => e.actorId),
    )
  const endorsed = q.endorsed ? endorsedBy(q.endorsed) : null
  const notEndorsed = q.notEndorsed ? endorsedBy(q.notEndorsed) : null
  const treaty = new Map(data.treatyStatus.map((t) => [t.actorId, t]))
  let target: Set<string> | null = null
  if (q.target) {
    const list = data.targetLists.find((t) => t.id === q.target)
    if (list) target = new Set(list.actorIds)
    else ignored.push('That target list is not one of your group’s; it is not applied.')
  }
  let column = q.column && q.stance ? columns.find((c) => c.key === q.column) : undefined
  if (q.column && q.stance && !column) {
    ignored.push('The column of the stance filter is not in this view; it is not applied.')
    column = undefined
  }
  return (row) => {
    const a = row.actor
    const p = participants.get(a.id)
    if (q.region && a.region !== q.region) return false
    if (q.unGroup && a.unRegionalGroup !== q.unGroup) return false
    if (q.flag && !p?.flags[q.flag]) return false
    if (q.attended && !p?.rounds[q.attended]?.attended) return false
    if (endorsed && !endorsed.has(a.id)) return false
    if (notEndorsed && notEndorsed.has(a.id)) return false
    if (q.treaty && treatyOf(treaty.get(a.id)) !== q.treaty) return false
    if (target && !target.has(a.id)) return false
    if (q.withEntries && !Object.values(row.cells).some((c) => c.now || c.then)) return false
    if (column && q.stance) {
      const cell = row.cells[column.key]?.now ?? null
      if (q.stance === 'any') return cell !== null
      if (q.stance === 'none') return cell === null
      if (q.stance === 'mixed') return cell?.stance === 'mixed'
      return isStatementStance(q.stance) && cell !== null && cellHas(cell, q.stance)
    }
    return true
  }
}

// A cell where records disagree still counts for each stance one of them holds.
const cellHas = (cell: StanceCell, stance: StatementStance) =>
  cell.entries.some((e) => e.stance === stance)

/** A state's treaty status as the filter reads it: ratified (or otherwise bound), signed, neither. */
export function treatyOf(
  t: { signature: string | null; actionDate: string | null; action: string | null } | undefined,
): 'signed' | 'ratified' | 'neither' {
  if (t?.actionDate || t?.action) return 'ratified'
  if (t?.signature) return 'signed'
  return 'neither'
}

/** How stances sort: support first, then concerns, neutral, statements, opposition, disagreement, nothing. */
export const STANCE_RANK: Record<StatementStance | 'mixed', number> = {
  supports: 0,
  concerns: 1,
  neutral: 2,
  statement: 3,
  opposes: 4,
  mixed: 5,
}

function rowOrder(q: MatrixQuery): (a: MatrixRow, b: MatrixRow) => number {
  const byName = (a: MatrixRow, b: MatrixRow) => a.actor.name.localeCompare(b.actor.name)
  const sign = q.descending ? -1 : 1
  if (q.sort === 'region') {
    // Actors without a region go last either way.
    const region = (r: MatrixRow) => r.actor.region ?? '\uffff'
    return (a, b) => sign * region(a).localeCompare(region(b)) || byName(a, b)
  }
  if (q.sort === 'column' && q.column) {
    const col = q.column
    const rank = (r: MatrixRow) => {
      const s = r.cells[col]?.now?.stance
      return s ? STANCE_RANK[s] : 99
    }
    return (a, b) => {
      const ra = rank(a)
      const rb = rank(b)
      if (ra === 99 || rb === 99) return ra - rb || byName(a, b)
      return sign * (ra - rb) || byName(a, b)
    }
  }
  return (a, b) => sign * byName(a, b)
}

/** A cell's stance in words: "Supports", "Records disagree", or "" for none. */
export function stanceText(cell: StanceCell | null): string {
  if (!cell?.stance) return ''
  return cell.stance === 'mixed' ? 'Records disagree' : STATEMENT_STANCE_LABELS[cell.stance]
}

/** A compared cell in words: "Concerns → Supports", "New: Supports", "Dropped (was Opposes)". */
export function changeText(cell: MatrixCell, earlier: Matrix['earlier']): string {
  const [from, to] = earlier === 'compare' ? [cell.then, cell.now] : [cell.now, cell.then]
  switch (cell.change) {
    case null:
      return ''
    case 'same':
      return `${stanceText(to)} (unchanged)`
    case 'new':
      return `New: ${stanceText(to)}`
    case 'dropped':
      return `Dropped (was ${stanceText(from)})`
    case 'changed':
      return `${stanceText(from)} → ${stanceText(to)}`
  }
}

/** Who said what on one column, round by round: the answer to "who backed X in round Y". */
export interface ColumnSummary {
  column: MatrixColumn
  rounds: {
    roundId: string
    groups: { stance: StatementStance | 'mixed'; rows: { row: MatrixRow; cell: StanceCell }[] }[]
  }[]
}

/**
 * One column's entries in every round that has any, grouped by stance (supporters first), for
 * the rows the query keeps (its stance filter aside).
 */
export function columnSummary(
  data: StanceData,
  query: MatrixQuery,
  own: RecordKey | null,
  columnKey: string,
): ColumnSummary | null {
  const matrix = buildMatrix(data, { ...query, stance: null, compare: null }, own)
  const column = matrix.columns.find((c) => c.key === columnKey)
  if (!column) return null
  const records = recordsOf(query.records, own)
  const rounds = roundsInOrder(data)
    .map((r) => {
      const cells = columnCells(data, column, r.id, records)
      const groups = new Map<StatementStance | 'mixed', { row: MatrixRow; cell: StanceCell }[]>()
      for (const row of matrix.rows) {
        const cell = cells.get(row.actor.id)
        if (!cell?.stance) continue
        groups.set(cell.stance, [...(groups.get(cell.stance) ?? []), { row, cell }])
      }
      return {
        roundId: r.id,
        groups: [...groups]
          .sort(([a], [b]) => STANCE_RANK[a] - STANCE_RANK[b])
          .map(([stance, rows]) => ({ stance, rows })),
      }
    })
    .filter((r) => r.groups.length > 0)
  return { column, rounds }
}

/**
 * Whose record an entry is in, by name: "Secretariat", "Delegation of France", "Cluster
 * Munition Coalition (private)" or "(published)".
 */
export function recordName(entry: Statement, data: Pick<StanceData, 'actors' | 'groups'>): string {
  const actor = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id
  const group = (id: string) => data.groups.find((g) => g.id === id)?.name ?? `Group ${id}`
  const name = recordLabel(entry.record, { actor, group })
  if (!entry.record.startsWith('group:')) return name
  return `${name} (${entry.published ? 'published' : 'private'})`
}

/** A column's title with its ancestors: "Exemptions › Self-destruct". */
export const columnPath = (c: MatrixColumn): string => [...c.parents, c.title].join(' › ')

/** A round's name for views, or "All rounds". */
export const roundName = (data: Pick<StanceData, 'rounds'>, id: string | null): string =>
  id === null || id === 'all' ? 'All rounds' : (data.rounds.find((r) => r.id === id)?.name ?? id)
