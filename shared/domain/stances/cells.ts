import { currentStatements } from './statements'
import type { Issue, RecordKey, Statement, StatementStance } from './types'

/** What one actor's cell on one issue (or proposal) holds, for the matrix and the map. */
export interface StanceCell {
  actorId: string
  /** The current entries the cell shows, one per record (several records may disagree). */
  entries: Statement[]
  /** Their stance when they agree, 'mixed' when records disagree, null when there is none. */
  stance: StatementStance | 'mixed' | null
  /** Records disagree on the stance (the secretariat "supports", a group heard "concerns"). */
  disagree: boolean
  /**
   * The ancestor issue the entries are on, when the actor said nothing on this issue itself: the
   * report's 12 states backed "exemptions" without naming a ground, so their cell on
   * "self-destruct" shows that, marked as said of the parent. Null when on the issue itself.
   */
  inheritedFrom: string | null
}

/** Which entries count: one round (or all, latest wins), and which records. */
export interface CellOptions {
  /** A round id, or null for every round (the latest entry of each record wins). */
  roundId: string | null
  /** Only these records; all the reader may see when absent. */
  records?: readonly RecordKey[]
}

const stanceOf = (entries: readonly Statement[]): StatementStance | 'mixed' | null => {
  const stances = new Set(entries.map((e) => e.stance))
  if (stances.size === 0) return null
  return stances.size === 1 ? [...stances][0]! : 'mixed'
}

/** Whether an entry is about an issue: on it, or on a proposal the issue lists. */
const isAbout = (s: Statement, issue: Issue): boolean =>
  s.target.kind === 'issue'
    ? s.target.issueId === issue.id
    : issue.proposalIds.includes(s.target.proposalId)

function current(entries: readonly Statement[], roundId: string | null): Statement[] {
  if (roundId !== null) return currentStatements(entries.filter((s) => s.roundId === roundId))
  // Every round: one round's key for all, so the latest of each record wins.
  return currentStatements(entries.map((s) => ({ ...s, roundId: null }))).map((s) =>
    entries.find((e) => e.id === s.id)!,
  )
}

/**
 * The cells of one issue for every actor with an entry on it or on an ancestor: entries on the
 * issue itself win; an actor who spoke only of an ancestor gets that ancestor's entries, marked
 * `inheritedFrom`. Bounded by the statements given (one pass per ancestor, at most 20 levels).
 */
export function issueCells(
  issues: readonly Issue[],
  statements: readonly Statement[],
  issueId: string,
  options: CellOptions,
): Map<string, StanceCell> {
  const byId = new Map(issues.map((i) => [i.id, i]))
  const records = options.records ? new Set<string>(options.records) : null
  const usable = records ? statements.filter((s) => records.has(s.record)) : statements
  const out = new Map<string, StanceCell>()
  let issue = byId.get(issueId)
  for (let depth = 0; issue && depth < 20; depth++) {
    const here = issue
    const entries = current(
      usable.filter((s) => isAbout(s, here)),
      options.roundId,
    )
    const byActor = new Map<string, Statement[]>()
    for (const e of entries) byActor.set(e.actorId, [...(byActor.get(e.actorId) ?? []), e])
    for (const [actorId, list] of byActor) {
      if (out.has(actorId)) continue
      const stance = stanceOf(list)
      out.set(actorId, {
        actorId,
        entries: list,
        stance,
        disagree: stance === 'mixed',
        inheritedFrom: depth === 0 ? null : here.id,
      })
    }
    issue = here.parentId ? byId.get(here.parentId) : undefined
  }
  return out
}

/** The cells of one proposal: the current entries of each record on it. */
export function proposalCells(
  statements: readonly Statement[],
  proposalId: string,
  options: CellOptions,
): Map<string, StanceCell> {
  const records = options.records ? new Set<string>(options.records) : null
  const entries = current(
    statements.filter(
      (s) =>
        s.target.kind === 'proposal' &&
        s.target.proposalId === proposalId &&
        (!records || records.has(s.record)),
    ),
    options.roundId,
  )
  const out = new Map<string, StanceCell>()
  for (const e of entries) {
    const list = [...(out.get(e.actorId)?.entries ?? []), e]
    const stance = stanceOf(list)
    out.set(e.actorId, {
      actorId: e.actorId,
      entries: list,
      stance,
      disagree: stance === 'mixed',
      inheritedFrom: null,
    })
  }
  return out
}
