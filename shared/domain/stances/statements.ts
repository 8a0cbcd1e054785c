import type { Position } from '../proposals/types'
import type { Provenance, RecordKey, Statement, StatementStance } from './types'

/**
 * The most entries one record holds in a negotiation: a conference's worth many times over
 * (the Vienna report attributes 64), and a bound on what every view of who stands where reads.
 */
export const MAX_RECORD_ENTRIES = 20_000

/** A position's provenance: its own, else synthetic if flagged, else recorded. */
export const provenanceOfPosition = (p: Position): Provenance =>
  p.provenance ?? (p.synthetic ? 'synthetic' : 'recorded')

/** A position's record: its own, else the secretariat's (positions before issue 12). */
export const recordOfPosition = (p: Position): RecordKey => p.record ?? 'secretariat'

/** A position on a proposal read as a statement, so that every view reads one shape. */
export function statementOfPosition(negotiationId: string, p: Position): Statement {
  return {
    id: p.id,
    negotiationId,
    target: { kind: 'proposal', proposalId: p.proposalId },
    actorId: p.actorId,
    stance: p.stance,
    roundId: p.roundId,
    // Heard first-hand, it was said the day it was recorded; a reported one was said when its
    // source says, which a position does not keep, so the day stays unknown.
    date: provenanceOfPosition(p) === 'recorded' ? p.recordedAt.slice(0, 10) : null,
    source: p.source,
    quote: p.quote,
    provenance: provenanceOfPosition(p),
    record: recordOfPosition(p),
    published: true,
    publishedAt: null,
    recordedAt: p.recordedAt,
    recordedBy: p.recordedBy,
  }
}

// Later recordedAt wins; equal times fall back to the id so every client agrees.
const later = (a: Statement, b: Statement) =>
  a.recordedAt > b.recordedAt || (a.recordedAt === b.recordedAt && a.id > b.id)

/** The key of what one record holds as an actor's current word on a target in a round. */
export const targetKey = (s: Pick<Statement, 'target'>): string =>
  s.target.kind === 'issue' ? `issue:${s.target.issueId}` : `proposal:${s.target.proposalId}`

/**
 * The current entries: per record, target, actor and round, the latest one (earlier ones stay in
 * the record, superseded). Records are never merged: the secretariat's "supports" and a group's
 * "concerns" for the same cell are both current.
 */
export function currentStatements(statements: readonly Statement[]): Statement[] {
  const held = new Map<string, Statement>()
  for (const s of statements) {
    const key = `${s.record}\u0000${targetKey(s)}\u0000${s.actorId}\u0000${s.roundId ?? ''}`
    const h = held.get(key)
    if (!h || later(s, h)) held.set(key, s)
  }
  return [...held.values()]
}

/** Whether current entries of several records for one cell disagree on the stance. */
export const recordsDisagree = (cell: readonly Statement[]): boolean =>
  new Set(cell.map((s) => s.stance)).size > 1 && new Set(cell.map((s) => s.record)).size > 1

/** The words a badge shows for a provenance. */
export const PROVENANCE_LABELS: Record<Provenance, string> = {
  reported: 'Reported',
  recorded: 'Recorded',
  synthetic: 'Synthetic',
}

/** The labels of stances, statements included. */
export const STATEMENT_STANCE_LABELS: Record<StatementStance, string> = {
  supports: 'Supports',
  opposes: 'Opposes',
  concerns: 'Concerns',
  neutral: 'Neutral',
  statement: 'Statement',
}

/**
 * How a record is named in views ("Secretariat", "Delegation of FRA", "Group cmc"); callers
 * with names at hand pass them.
 */
export function recordLabel(
  record: RecordKey,
  names: { actor?: (id: string) => string; group?: (id: string) => string } = {},
): string {
  if (record === 'secretariat') return 'Secretariat'
  const [kind, id = ''] = record.split(':') as [string, string]
  return kind === 'delegation'
    ? `Delegation of ${names.actor?.(id) ?? id}`
    : (names.group?.(id) ?? `Group ${id}`)
}
