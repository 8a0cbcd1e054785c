import type { CoalitionMembership } from '../../../shared/domain/groups'
import type { Membership } from '../../../shared/domain/policy'
import type { Provenance } from '../../../shared/domain/stances/types'

/**
 * A stored group of a negotiation (a campaign group or a coalition; a delegation's group is never
 * stored); its notes room is `<negotiation>/notes/<id>`. `kind`, `source` and `provenance`
 * default to a campaign group, recorded, with no source.
 */
export interface CampaignGroup {
  id: string
  name: string
  kind?: 'campaign' | 'coalition'
  source?: string
  provenance?: Provenance
}

/** A stored group as read back: every field present. */
export type StoredGroup = Required<CampaignGroup>

/** One coalition's members from a round on, as stored. */
export interface StoredCoalitionMembership extends CoalitionMembership {
  groupId: string
}

/** A member of a negotiation, as the chair's member list shows them. */
export interface Member {
  accountId: string
  username: string
  displayName: string
  membership: Membership
}

/** One of an account's memberships, with the names the UI shows. */
export interface AccountMembership {
  negotiationId: string
  negotiationName: string
  membership: Membership
  groupName?: string
}

/** The outcome of creating a group: created, or the id is taken in that negotiation. */
export type CreateGroupResult =
  { ok: true; group: CampaignGroup } | { ok: false; reason: 'id-taken' }

/** Who takes part in which negotiation with which role, and the campaign groups. */
export interface MemberStore {
  /** An account's membership in a negotiation, or null. */
  get(negotiationId: string, accountId: string): Promise<Membership | null>
  /** Every membership of an account, oldest negotiation first. */
  listForAccount(accountId: string): Promise<AccountMembership[]>
  /** The members of a negotiation, by username. */
  listMembers(negotiationId: string): Promise<Member[]>
  /** Sets an account's membership in a negotiation (adds or replaces it). */
  put(negotiationId: string, accountId: string, membership: Membership): Promise<void>
  /** Removes an account from a negotiation; says whether it was a member. */
  remove(negotiationId: string, accountId: string): Promise<boolean>
  /** The stored groups of a negotiation (campaign groups and coalitions), by id. */
  listGroups(negotiationId: string): Promise<StoredGroup[]>
  /** One stored group, or null. */
  getGroup(negotiationId: string, groupId: string): Promise<StoredGroup | null>
  /** Creates a group (a campaign group unless `kind` says coalition). */
  createGroup(negotiationId: string, group: CampaignGroup): Promise<CreateGroupResult>
  /** Every coalition's membership lists, by coalition and round (from the start first). */
  listCoalitionMembers(negotiationId: string): Promise<StoredCoalitionMembership[]>
  /** Sets a coalition's members from a round on (replacing that round's list). */
  setCoalitionMembers(
    negotiationId: string,
    groupId: string,
    roundId: string | null,
    actorIds: string[],
  ): Promise<void>
}

/** Writes of memberships and groups inside `storage.atomically` (await each), committed together. */
export interface MemberWrites {
  /** Sets an account's membership in a negotiation (adds or replaces it). */
  put(negotiationId: string, accountId: string, membership: Membership): Promise<void>
  /** Creates a group (a campaign group unless `kind` says coalition). */
  createGroup(negotiationId: string, group: CampaignGroup): Promise<CreateGroupResult>
  /** Sets a coalition's members from a round on (replacing that round's list). */
  setCoalitionMembers(
    negotiationId: string,
    groupId: string,
    roundId: string | null,
    actorIds: string[],
  ): Promise<void>
}
