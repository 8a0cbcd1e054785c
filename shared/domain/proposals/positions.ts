import { z } from 'zod'
import { PROVENANCES } from '../stances/types'
import { STANCES, type Position, type Stance } from './types'

/** A position as a delegate or the chair records it (validated once, at the boundary). */
export const RecordPositionSchema = z.object({
  actorId: z.string().min(1).max(64),
  stance: z.enum(STANCES),
  roundId: z.string().min(1).max(64).nullable().optional(),
  source: z.string().trim().min(1).max(300),
  quote: z.string().trim().max(1000).default(''),
  // Where it comes from (issue 12), 'recorded' if not given; a reported position names its
  // source, as every position here must.
  provenance: z.enum(PROVENANCES).optional(),
})
/** A validated request to record a position. */
export type RecordPosition = z.infer<typeof RecordPositionSchema>

/** How many current positions take each stance. */
export type PositionCounts = Record<Stance, number>

// Later recordedAt wins; equal times fall back to the id so every client agrees.
const later = (a: Position, b: Position) =>
  a.recordedAt > b.recordedAt || (a.recordedAt === b.recordedAt && a.id > b.id)

/** Current positions per proposal: proposalId → actorId → its latest Position. */
export function currentPositionsByProposal(
  positions: readonly Position[],
): Map<string, Map<string, Position>> {
  const out = new Map<string, Map<string, Position>>()
  for (const p of positions) {
    let perActor = out.get(p.proposalId)
    if (!perActor) out.set(p.proposalId, (perActor = new Map()))
    const held = perActor.get(p.actorId)
    if (!held || later(p, held)) perActor.set(p.actorId, p)
  }
  return out
}

/**
 * Each actor's current position on one proposal: its latest (by recordedAt) supersedes the
 * earlier ones, which stay in the record. Throws when given positions of several proposals.
 */
export function currentPositions(positions: readonly Position[]): Map<string, Position> {
  const byProposal = currentPositionsByProposal(positions)
  if (byProposal.size > 1) {
    throw new RangeError('currentPositions takes the positions of one proposal')
  }
  return [...byProposal.values()][0] ?? new Map()
}

/** Counts of current positions on one proposal by stance. */
export function positionCounts(positions: readonly Position[]): PositionCounts {
  const counts: PositionCounts = { supports: 0, opposes: 0, concerns: 0, neutral: 0 }
  for (const p of currentPositions(positions).values()) counts[p.stance]++
  return counts
}
