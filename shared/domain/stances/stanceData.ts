import type { Actor, Participant } from '../actors'
import type { Proposal } from '../proposals/types'
import type { RoundState } from '../rounds'
import type {
  Declaration,
  Endorsement,
  Issue,
  RoundCount,
  Statement,
  TargetList,
  TreatyStatus,
} from './types'

/** A tabled proposal as the matrix and the map show it. */
export type StanceProposal = Pick<
  Proposal,
  'id' | 'title' | 'articleId' | 'sponsors' | 'coSponsors' | 'status' | 'tabledSeq' | 'synthetic'
>

/**
 * Everything one reader may see about who stands where in a negotiation, as
 * `GET /api/negotiations/:id/stances` answers it: the matrix, the map, the issues page and the
 * actors table read it. Statements are only those the reader may read (public records, the
 * reader's own group's record, other groups' published entries), positions on tabled proposals
 * included as statements; target lists only the reader's group's.
 */
export interface StanceData {
  rounds: RoundState[]
  issues: Issue[]
  proposals: StanceProposal[]
  statements: Statement[]
  /** Catalogue entries of every actor named in the rest (participants, statements, ...). */
  actors: Actor[]
  participants: Participant[]
  declarations: Declaration[]
  endorsements: Endorsement[]
  roundCounts: RoundCount[]
  treatyStatus: TreatyStatus[]
  /** The reader's campaign group's target lists; [] for everyone else. */
  targetLists: TargetList[]
  /** Group names by id, to name their records. */
  groups: { id: string; name: string }[]
}
