import { negotiationPath, request } from '../../api'
import type {
  CoalitionMembership,
  CoalitionMembershipInput,
  Group,
  GroupInput,
} from '../../../../shared/domain/groups'

/**
 * A group as GET .../groups lists it: every stored group (campaign groups and coalitions) and
 * the caller's own delegation; `mine` when the caller is in it.
 */
export interface GroupView extends Group {
  /** A coalition's current member actors; a delegation's [actorId]; [] for campaign groups. */
  members: string[]
  /** A coalition's membership lists, round by round. */
  memberships?: CoalitionMembership[]
  mine: boolean
}

const groupsPath = (negotiationId: string, rest = '') =>
  negotiationPath(negotiationId, `/groups${rest}`)

/** Every group of the negotiation as the caller may know it. */
export const listGroupViews = async (negotiationId: string, signal?: AbortSignal) =>
  (await request<{ groups: GroupView[] }>('GET', groupsPath(negotiationId), { signal })).groups

/** Creates a coalition or a campaign group (chair). */
export const createGroupView = async (negotiationId: string, input: Partial<GroupInput>) =>
  (await request<{ group: GroupView }>('POST', groupsPath(negotiationId), { body: input })).group

/** Sets a coalition's members from a round on (chair). */
export const setCoalitionMembers = async (
  negotiationId: string,
  groupId: string,
  input: CoalitionMembershipInput,
) =>
  (
    await request<{ group: GroupView }>(
      'PUT',
      groupsPath(negotiationId, `/${encodeURIComponent(groupId)}/members`),
      { body: input },
    )
  ).group
