import { z } from 'zod'
import { STANCES, type Position, type Stance } from './types'

/** A position as a delegate or the chair records it (validated once, at the boundary). */
export const RecordPositionSchema = z.object({
  actorId: z.string().min(1).max(64),
  stance: z.enum(STANCES),
  roundId: z.string().min(1).max(64).nullable().optional(),
  source: z.string().trim().min(1).max(300),
  quote: z.string().trim().max(1000).default(''),
})
/** A validated request to record a position. */
export type RecordPosition = z.infer<typeof RecordPositionSchema>

/** How many current positions take each stance. */
export type PositionCounts = Record<Stance, number>

/** Each actor's current position on one proposal: its latest (by recordedAt) supersedes. */
export function currentPositions(positions: readonly Position[]): Map<string, Position> {
  void positions
  throw new Error('not implemented')
}

/** Current positions per proposal: proposalId → actorId → Position. */
export function currentPositionsByProposal(
  positions: readonly Position[],
): Map<string, Map<string, Position>> {
  void positions
  throw new Error('not implemented')
}

/** Counts of current positions by stance. */
export function positionCounts(positions: readonly Position[]): PositionCounts {
  void positions
  throw new Error('not implemented')
}
