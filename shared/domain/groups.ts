import { z } from 'zod'
import { PROVENANCES, type Provenance } from './stances/types'

/**
 * Groups of every kind (issue 13). A group has a private notes room `<negotiation>/notes/<id>`,
 * a private record `group:<id>`, private briefing papers; a coalition also drafts proposals
 * tabled in all its members' names.
 * - `delegation`: all the delegates of one actor; implicit, its id is `delegation-<actor>`.
 * - `coalition`: delegates of its member states (the EU, the core group); membership per round.
 * - `campaign`: campaigners of one organisation or coalition (the CMC), as before.
 */
export const GROUP_KINDS = ['delegation', 'coalition', 'campaign'] as const
/** A kind of group. */
export type GroupKind = (typeof GROUP_KINDS)[number]

/** How the UI names each kind. */
export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  delegation: 'Delegation',
  coalition: 'Coalition',
  campaign: 'Campaign group',
}

/** The prefix of a delegation group's id; no stored group id may start with it. */
export const DELEGATION_PREFIX = 'delegation-'

/** A delegation's group id: `delegation-fra` for actor FRA (room keys are lower case). */
export const delegationGroupId = (actorId: string): string =>
  `${DELEGATION_PREFIX}${actorId.toLowerCase()}`

/** Whether a group id names a delegation (then compare actors with `isDelegationOf`). */
export const isDelegationGroupId = (groupId: string): boolean =>
  groupId.startsWith(DELEGATION_PREFIX)

/** Whether `groupId` is the delegation group of `actorId`. */
export const isDelegationOf = (groupId: string, actorId: string): boolean =>
  groupId === delegationGroupId(actorId)

/** A group as the API lists it. A delegation's is derived from its actor and never stored. */
export interface Group {
  id: string
  kind: GroupKind
  name: string
  /** A delegation's actor. */
  actorId?: string
  /** Where a coalition's existence and membership come from (a cited source), or ''. */
  source: string
  provenance: Provenance
}

/** A coalition's members as of one round (null: from the start, before any round). */
export interface CoalitionMembership {
  roundId: string | null
  actorIds: string[]
}

/**
 * A group as `GET .../groups` answers it: a coalition's current members (actor ids), a
 * delegation's `[actorId]`, a campaign group's `[]`; a coalition's every membership list; and
 * whether the caller is in it.
 */
export type GroupView = Group & {
  members: string[]
  memberships?: CoalitionMembership[]
  mine: boolean
}

/** A coalition with every round's membership list, oldest first. */
export interface Coalition extends Group {
  kind: 'coalition'
  memberships: CoalitionMembership[]
}

/**
 * A coalition's members as of `roundId`: the list of the latest round at or before it that has
 * one (`roundOrder` lists the negotiation's round ids in order); a list with `roundId: null`
 * holds from the start. With no round (or one not in the order), the latest list of all. No
 * list: no members.
 */
export function coalitionMembersAt(
  coalition: Pick<Coalition, 'memberships'>,
  roundId: string | null,
  roundOrder: readonly string[],
): string[] {
  const upTo = roundId === null ? -1 : roundOrder.indexOf(roundId)
  let best: CoalitionMembership | null = null
  let bestIndex = -2
  for (const m of coalition.memberships) {
    const i = m.roundId === null ? -1 : roundOrder.indexOf(m.roundId)
    if (m.roundId !== null && i === -1) continue
    if (upTo !== -1 && i > upTo) continue
    if (i >= bestIndex) {
      best = m
      bestIndex = i
    }
  }
  return best ? [...best.actorIds] : []
}

const GROUP_ID = /^[a-z0-9][a-z0-9-]{0,63}$/

/** Whether a stored group's id is usable: a room key, not `public`, not a delegation's. */
export const isValidStoredGroupId = (id: string): boolean =>
  GROUP_ID.test(id) && id !== 'public' && !isDelegationGroupId(id)

/** POST .../groups: a campaign group or a coalition (with its first membership list). */
export const GroupInput = z.object({
  id: z.string().refine(isValidStoredGroupId, 'a-z, 0-9 and -, not "public", not "delegation-…"'),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['coalition', 'campaign']).default('campaign'),
  source: z.string().trim().max(2000).default(''),
  provenance: z.enum(PROVENANCES).default('recorded'),
  /** A coalition's members (actor ids) from `roundId` on. */
  actorIds: z.array(z.string().min(1).max(64)).max(400).optional(),
  roundId: z.string().min(1).max(64).nullable().optional(),
})
export type GroupInput = z.infer<typeof GroupInput>

/** PUT .../groups/:gid/members: a coalition's members from a round on (blocs change). */
export const CoalitionMembershipInput = z.object({
  roundId: z.string().min(1).max(64).nullable(),
  actorIds: z.array(z.string().min(1).max(64)).max(400),
})
export type CoalitionMembershipInput = z.infer<typeof CoalitionMembershipInput>
