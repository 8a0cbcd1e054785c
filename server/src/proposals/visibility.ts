import { roomName } from '../../../shared/collab'
import { roomAccess, type DraftFacts, type Principal } from '../../../shared/domain/policy'
import type { Proposal } from '../../../shared/domain/proposals/types'

/** The draft room of a proposal: its wording while drafted. */
export const draftRoom = (negotiationId: string, proposalId: string): string =>
  roomName({ negotiationId, kind: 'draft', key: proposalId })

/**
 * Whether a proposal was ever tabled. A draft withdrawn before tabling never was: it stays
 * private to its sponsors, and out of the register.
 */
export const hasBeenTabled = (p: Pick<Proposal, 'tabledSeq'>): boolean => p.tabledSeq !== null

/** The facts the policy decides a draft room's access by. */
export const draftFacts = (p: Proposal): DraftFacts => ({
  sponsors: [...p.sponsors, ...p.coSponsors],
  tabled: hasBeenTabled(p),
})

/** What a principal may do with a proposal's draft room; 'none' means it may not even see it. */
export const draftAccess = (principal: Principal, p: Proposal) =>
  roomAccess(principal, { negotiationId: p.negotiationId, kind: 'draft', key: p.id }, draftFacts(p))
