import { ROLE_LABELS, type Membership, type Principal } from '../../../shared/domain/policy'
import type { MembershipInfo } from '../api'

/** The policy's Membership from the API's shape, or null if it lacks the actor or group. */
export function toMembership(info: MembershipInfo | null | undefined): Membership | null {
  if (!info) return null
  switch (info.role) {
    case 'chair':
    case 'observer':
      return { role: info.role }
    case 'delegate':
      return info.actorId ? { role: 'delegate', actorId: info.actorId } : null
    case 'campaigner':
      return info.groupId ? { role: 'campaigner', groupId: info.groupId } : null
  }
}

/** The principal the policy decides for: this account in this negotiation. */
export const principalOf = (
  accountId: string,
  isAdmin: boolean,
  membership: MembershipInfo | null | undefined,
  coalitions: readonly string[] = [],
): Principal => ({
  accountId,
  isAdmin,
  membership: toMembership(membership),
  ...(coalitions.length > 0 ? { coalitions } : {}),
})

/** Names the policy's ids stand for, as far as the page knows them. */
export interface Names {
  actorName?: string | null
  groupName?: string | null
}

/** A membership as a short phrase: "Delegate of France", "Campaigner · HRW", "Observer". */
export function describeMembership(
  info: MembershipInfo | null | undefined,
  names: Names = {},
  isAdmin = false,
): string {
  if (!info) return isAdmin ? 'Administrator (acts as chair)' : 'Not a member'
  switch (info.role) {
    case 'delegate':
      return `Delegate of ${names.actorName ?? info.actorId ?? 'an unknown actor'}`
    case 'campaigner':
      return `Campaigner · ${names.groupName ?? info.groupId ?? 'no group'}`
    default:
      return ROLE_LABELS[info.role]
  }
}

/** The same, as the object of "you are …" in a sentence: "the delegate of France". */
export function youAre(info: MembershipInfo | null | undefined, names: Names = {}): string {
  if (!info) return 'not a member of this negotiation'
  switch (info.role) {
    case 'chair':
      return 'the chair'
    case 'delegate':
      return `the delegate of ${names.actorName ?? info.actorId}`
    case 'campaigner':
      return `a campaigner (${names.groupName ?? info.groupId})`
    case 'observer':
      return 'an observer'
  }
}
