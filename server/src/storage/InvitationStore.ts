import type { Membership } from '../../../shared/domain/policy'
import type { Account, NewAccount } from './AccountStore'

/** An invitation link's record. `id` is a non-secret handle derived from the token's hash. */
export interface Invitation {
  id: string
  negotiationId: string
  membership: Membership
  createdBy: string
  createdAt: string
  expiresAt: string
  usedBy: string | null
  usedAt: string | null
}

/** What creating an invitation stores: the hash of the link's token, never the token. */
export interface NewInvitation {
  tokenHash: string
  negotiationId: string
  membership: Membership
  createdBy: string
  createdAt: string
  expiresAt: string
}

/** Who redeems an invitation: a signed-in account, or a new account created on the spot. */
export type Redeemer = { accountId: string } | { newAccount: NewAccount }

/** The outcome of redeeming an invitation. */
export type RedeemResult =
  | {
      ok: true
      account: Account
      invitation: Invitation
      /** The account's membership before, if it already took part. */
      previous: Membership | null
    }
  | { ok: false; reason: 'not-found' | 'used' | 'expired' | 'username-taken' }

/** Invitation links by which a chair adds a person to a negotiation with a role. */
export interface InvitationStore {
  /** Stores a new invitation. */
  create(invitation: NewInvitation): Promise<Invitation>
  /** The invitation whose token has this hash, used or not; or null. */
  findByTokenHash(tokenHash: string): Promise<Invitation | null>
  /** The invitations of a negotiation that are neither used nor expired at `now`. */
  listPending(negotiationId: string, now: string): Promise<Invitation[]>
  /** Withdraws an invitation by its id; says whether it existed. */
  delete(negotiationId: string, id: string): Promise<boolean>
  /**
   * Uses an invitation once, all or nothing: checks it is unused and unexpired at `now`,
   * creates the new account if there is one, marks the invitation used and sets the membership.
   */
  redeem(tokenHash: string, now: string, redeemer: Redeemer): Promise<RedeemResult>
}
