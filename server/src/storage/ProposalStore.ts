import type { Position, Proposal, StatusChange } from '../../../shared/domain/proposals/types'

/**
 * The proposals of each negotiation with their status history, and the positions actors took
 * on them. Reads return promises (a PostgreSQL implementation can sit beside SQLite); writes go
 * through `storage.atomically`, with `ProposalWrites`.
 */
export interface ProposalStore {
  /** Every proposal of a negotiation (drafts too), with its history, oldest first. */
  list(negotiationId: string): Promise<Proposal[]>
  /** One proposal with its history, or null. */
  get(negotiationId: string, proposalId: string): Promise<Proposal | null>
  /** Positions of a negotiation, of one proposal if given, in the order they were recorded. */
  listPositions(negotiationId: string, proposalId?: string): Promise<Position[]>
  /** The highest `tabledSeq` given out in a negotiation, 0 if none. */
  maxTabledSeq(negotiationId: string): Promise<number>
}

/**
 * Writes of proposals inside `storage.atomically`, awaited in order, so that they commit or roll
 * back together with everything else in that transaction.
 */
export interface ProposalWrites {
  /** Inserts or replaces a proposal's row; its history is appended with `addStatusChange`. */
  put(proposal: Proposal): Promise<void>
  /** Appends one status change to a proposal's history. */
  addStatusChange(negotiationId: string, proposalId: string, change: StatusChange): Promise<void>
  /** Appends one position. */
  addPosition(negotiationId: string, position: Position): Promise<void>
}
