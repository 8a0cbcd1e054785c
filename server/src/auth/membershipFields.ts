import { z } from 'zod'
import { isValidSegment } from '../../../shared/collab'
import { PUBLIC_NOTES, ROLES, type Membership } from '../../../shared/domain/policy'
import { isKnownActor } from '../actors/catalogue'
import { HttpError } from '../http/errors'
import type { Storage } from '../storage/Storage'

/** A membership as requests send it and responses show it: a role and for whom. */
export const MembershipFields = z.object({
  role: z.enum(ROLES),
  actorId: z.string().max(64).optional(),
  groupId: z.string().max(64).optional(),
})

/** The JSON fields of a membership request. */
export type MembershipFields = z.infer<typeof MembershipFields>

/** A membership as JSON: `{ role, actorId? , groupId? }`. */
export function membershipJson(m: Membership): MembershipFields {
  switch (m.role) {
    case 'delegate':
      return { role: m.role, actorId: m.actorId }
    case 'campaigner':
      return { role: m.role, groupId: m.groupId }
    default:
      return { role: m.role }
  }
}

/** Whether a group id can name a notes room of its own (`public` is every member's). */
export const isValidGroupId = (id: string): boolean => isValidSegment(id) && id !== PUBLIC_NOTES

/** Whether a stored group of the negotiation is a campaign group (not a coalition). */
async function isCampaignGroup(storage: Storage, negotiationId: string, groupId: string) {
  const group = await storage.members.getGroup(negotiationId, groupId)
  return group !== null && group.kind === 'campaign'
}

/**
 * The membership the fields describe, checked: a delegate's actor is a known state or
 * organisation, a campaigner's group is a campaign group of the negotiation (not a coalition),
 * and no role carries a field that belongs to another. Throws 400 otherwise.
 */
export async function checkedMembership(
  storage: Storage,
  negotiationId: string,
  { role, actorId, groupId }: MembershipFields,
): Promise<Membership> {
  const bad = (code: string, message: string) => new HttpError(400, code, message)
  if (role !== 'delegate' && actorId !== undefined)
    throw bad('invalid_request', 'actorId: only a delegate acts for an actor.')
  if (role !== 'campaigner' && groupId !== undefined)
    throw bad('invalid_request', 'groupId: only a campaigner belongs to a group.')
  switch (role) {
    case 'chair':
    case 'observer':
      return { role }
    case 'delegate':
      if (actorId === undefined) throw bad('invalid_request', 'actorId: a delegate needs one.')
      if (!isKnownActor(actorId))
        throw bad('unknown_actor', `No state or organisation "${actorId}".`)
      return { role, actorId }
    case 'campaigner':
      if (groupId === undefined) throw bad('invalid_request', 'groupId: a campaigner needs one.')
      // A campaigner belongs to a campaign group; a coalition's members are its states'
      // delegates, and a delegation's its actor's.
      if (!isValidGroupId(groupId) || !(await isCampaignGroup(storage, negotiationId, groupId)))
        throw bad('unknown_group', `This negotiation has no campaign group "${groupId}".`)
      return { role, groupId }
  }
}
