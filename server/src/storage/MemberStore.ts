import type { Membership } from '../../../shared/domain/policy'

/** A campaign group of a negotiation; its notes room is `<negotiation>/notes/<id>`. */
export interface CampaignGroup {
  id: string
  name: string
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
  /** The campaign groups of a negotiation, by id. */
  listGroups(negotiationId: string): Promise<CampaignGroup[]>
  /** One campaign group, or null. */
  getGroup(negotiationId: string, groupId: string): Promise<CampaignGroup | null>
  /** Creates a campaign group. */
  createGroup(negotiationId: string, group: CampaignGroup): Promise<CreateGroupResult>
}

/** Writes of memberships and groups inside `storage.atomically`: synchronous, committed together. */
export interface MemberWrites {
  /** Sets an account's membership in a negotiation (adds or replaces it). */
  put(negotiationId: string, accountId: string, membership: Membership): void
  /** Creates a campaign group. */
  createGroup(negotiationId: string, group: CampaignGroup): CreateGroupResult
}
