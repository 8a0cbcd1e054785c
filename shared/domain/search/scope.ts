import { PUBLIC_NOTES, effectiveRole, roomAccess, type Principal } from '../policy'
import { SEARCH_KINDS, type SearchKind } from './query'

/** The audience of what everyone in the negotiation reads: the text, events of no proposal. */
export const EVERYONE = 'all'
/** The audience of a proposal, its positions and its events: whoever may read its draft room. */
export const proposalAudience = (proposalId: string): string => `proposal:${proposalId}`
/** The audience of a notes room's annotations: that group, or everyone for 'public'. */
export const notesAudience = (groupId: string): string => `notes:${groupId}`

/** A proposal as far as search needs to know who may read it. */
export interface ProposalReaders {
  id: string
  /** Sponsors and co-sponsors. */
  sponsors: string[]
  /** Whether it was ever tabled. */
  tabled: boolean
}

/** What a principal may search: the audiences of the rows it may read, and the notes rooms. */
export interface SearchScope {
  audiences: string[]
  /** The notes rooms (group ids, 'public' included) whose annotations it may read. */
  notesGroups: string[]
  kinds: SearchKind[]
}

/**
 * Everything a principal may find, decided by the same policy that opens rooms: the text and
 * events for every member; a proposal (and its positions and events) for whoever may read its
 * draft room; a group's notes only for that group's campaigners, published ones for everyone.
 * A non-member finds nothing.
 */
export function searchScope(
  principal: Principal,
  negotiationId: string,
  proposals: readonly ProposalReaders[],
): SearchScope {
  if (effectiveRole(principal) === null) return { audiences: [], notesGroups: [], kinds: [] }
  const readable = proposals.filter(
    (p) =>
      roomAccess(
        principal,
        { negotiationId, kind: 'draft', key: p.id },
        { sponsors: p.sponsors, tabled: p.tabled },
      ) !== 'none',
  )
  const m = principal.membership
  const candidates = m?.role === 'campaigner' ? [m.groupId, PUBLIC_NOTES] : [PUBLIC_NOTES]
  const notesGroups = [...new Set(candidates)].filter(
    (key) => roomAccess(principal, { negotiationId, kind: 'notes', key }) !== 'none',
  )
  return {
    audiences: [
      EVERYONE,
      ...readable.map((p) => proposalAudience(p.id)),
      ...notesGroups.map(notesAudience),
    ],
    notesGroups,
    kinds: [...SEARCH_KINDS],
  }
}
