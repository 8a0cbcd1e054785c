import { issueCells, type StanceCell } from '../../../../shared/domain/stances/cells'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import type { Issue, Statement, StatementStance } from '../../../../shared/domain/stances/types'

/** The order stances are listed in on the issues page. */
export const STANCE_ORDER: readonly StatementStance[] = [
  'supports',
  'opposes',
  'concerns',
  'neutral',
  'statement',
]

/** One entry as the page lists it: the statement, and whether its cell's records disagree. */
export interface ShownEntry {
  statement: Statement
  differs: boolean
}

/** Entries of one part (the issue itself, or one ancestor) grouped by stance, in STANCE_ORDER. */
export interface EntryPart {
  /** null for the issue itself; else the ancestor the entries were said of. */
  saidOf: Issue | null
  byStance: { stance: StatementStance; entries: ShownEntry[] }[]
}

/** The issue and its ancestors, nearest first (bounded against cycles). */
export function withAncestors(issues: readonly Issue[], issueId: string): Issue[] {
  const byId = new Map(issues.map((i) => [i.id, i]))
  const out: Issue[] = []
  for (let at = byId.get(issueId); at && out.length <= issues.length;) {
    out.push(at)
    at = at.parentId ? byId.get(at.parentId) : undefined
  }
  return out
}

// Entries about an issue: on it, or on a proposal it lists (as issueCells reads them).
const isAbout = (s: Statement, issue: Issue) =>
  s.target.kind === 'issue'
    ? s.target.issueId === issue.id
    : issue.proposalIds.includes(s.target.proposalId)

/**
 * The rounds with entries on an issue or its ancestors, newest first (rounds by start date,
 * as the negotiation lists them).
 */
export function roundsWithEntries(data: StanceData, issueId: string): string[] {
  const chain = withAncestors(data.issues, issueId)
  const used = new Set(
    data.statements.filter((s) => chain.some((i) => isAbout(s, i))).map((s) => s.roundId),
  )
  return [...data.rounds]
    .sort((a, b) => b.startDate.localeCompare(a.startDate))
    .map((r) => r.id)
    .filter((id) => used.has(id))
}

/**
 * Who stands where on an issue in one round, as the matrix and the map read it (issueCells):
 * entries on the issue itself first, then those said of each ancestor, each grouped by stance.
 */
export function entryParts(data: StanceData, issueId: string, roundId: string | null): EntryPart[] {
  const cells = issueCells(data.issues, data.statements, issueId, { roundId })
  const byIssue = new Map<string | null, StanceCell[]>()
  for (const cell of cells.values()) {
    byIssue.set(cell.inheritedFrom, [...(byIssue.get(cell.inheritedFrom) ?? []), cell])
  }
  const name = (id: string) => data.actors.find((a) => a.id === id)?.name ?? id
  return withAncestors(data.issues, issueId).flatMap((issue, depth) => {
    const list = byIssue.get(depth === 0 ? null : issue.id) ?? []
    if (list.length === 0) return []
    const entries = list.flatMap((cell) =>
      cell.entries.map((statement) => ({ statement, differs: cell.disagree })),
    )
    const byStance = STANCE_ORDER.map((stance) => ({
      stance,
      entries: entries
        .filter((e) => e.statement.stance === stance)
        .sort(
          (a, b) =>
            name(a.statement.actorId).localeCompare(name(b.statement.actorId)) ||
            a.statement.record.localeCompare(b.statement.record),
        ),
    })).filter((g) => g.entries.length > 0)
    return [{ saidOf: depth === 0 ? null : issue, byStance }]
  })
}

/** The issues as a tree: each issue's children in order. */
export function childrenOf(issues: readonly Issue[]): Map<string | null, Issue[]> {
  const out = new Map<string | null, Issue[]>()
  const ids = new Set(issues.map((i) => i.id))
  for (const issue of issues) {
    // An issue whose parent is not visible hangs at the top rather than vanishing.
    const parent = issue.parentId && ids.has(issue.parentId) ? issue.parentId : null
    out.set(parent, [...(out.get(parent) ?? []), issue])
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
  }
  return out
}
