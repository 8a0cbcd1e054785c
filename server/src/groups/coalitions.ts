import {
  coalitionMembersAt,
  delegationGroupId,
  type Coalition,
  type CoalitionMembershipInput,
  type Group,
  type GroupInput,
  type GroupView,
} from '../../../shared/domain/groups'
import { inGroup, type Principal } from '../../../shared/domain/policy'
import { getActor } from '../actors/catalogue'
import { currentRoundId, newEvent } from '../history/events'
import { hasBeenTabled } from '../proposals/visibility'
import type { StoredCoalitionMembership, StoredGroup } from '../storage/MemberStore'
import type { Storage } from '../storage/Storage'

/** The open round's id, or null when none is open (then a coalition's latest list counts). */
async function currentRound(storage: Storage, negotiationId: string) {
  const rounds = await storage.rounds.list(negotiationId)
  return {
    roundId: rounds.find((r) => r.status === 'open')?.id ?? null,
    order: rounds.map((r) => r.id),
  }
}

/** The coalitions of a negotiation with every membership list. */
export async function listCoalitions(
  storage: Storage,
  negotiationId: string,
): Promise<Coalition[]> {
  const groups = (await storage.members.listGroups(negotiationId)).filter(
    (g) => g.kind === 'coalition',
  )
  if (groups.length === 0) return []
  const lists = await storage.members.listCoalitionMembers(negotiationId)
  return groups.map((g) => ({
    id: g.id,
    kind: 'coalition',
    name: g.name,
    source: g.source,
    provenance: g.provenance,
    memberships: lists
      .filter((l) => l.groupId === g.id)
      .map(({ roundId, actorIds }) => ({ roundId, actorIds })),
  }))
}

/** A coalition's members now: as of the open round, else its latest list. */
export async function currentCoalitionMembers(
  storage: Storage,
  negotiationId: string,
  coalition: Pick<Coalition, 'memberships'>,
): Promise<string[]> {
  const { roundId, order } = await currentRound(storage, negotiationId)
  return coalitionMembersAt(coalition, roundId, order)
}

/** The coalitions (group ids) whose current members include `actorId`. */
export async function coalitionsOfActor(
  storage: Storage,
  negotiationId: string,
  actorId: string,
): Promise<string[]> {
  const coalitions = await listCoalitions(storage, negotiationId)
  if (coalitions.length === 0) return []
  const { roundId, order } = await currentRound(storage, negotiationId)
  return coalitions
    .filter((c) => coalitionMembersAt(c, roundId, order).includes(actorId))
    .map((c) => c.id)
}

/** How a delegation's group is named: "Delegation of France". */
export const delegationName = (actorId: string): string =>
  `Delegation of ${getActor(actorId)?.name ?? actorId}`

/** A delegation's group, derived from its actor and never stored. */
export const delegationGroup = (actorId: string): Group => ({
  id: delegationGroupId(actorId),
  kind: 'delegation',
  name: delegationName(actorId),
  actorId,
  source: '',
  provenance: 'recorded',
})

/** A stored group as the API shows it, with its current members and whether `principal` is in it. */
function storedView(
  g: StoredGroup,
  lists: readonly StoredCoalitionMembership[],
  round: { roundId: string | null; order: string[] },
  principal: Principal,
): GroupView {
  const base: Group = {
    id: g.id,
    kind: g.kind,
    name: g.name,
    source: g.source,
    provenance: g.provenance,
  }
  if (g.kind !== 'coalition') return { ...base, members: [], mine: inGroup(principal, g.id) }
  const memberships = lists
    .filter((l) => l.groupId === g.id)
    .map(({ roundId, actorIds }) => ({ roundId, actorIds }))
  const members = coalitionMembersAt({ memberships }, round.roundId, round.order)
  // Decided from the lists just read, not the principal's coalitions resolved at the gate, so
  // that the answer to a change of members already says who is in.
  const m = principal.membership
  const mine = m?.role === 'delegate' && members.includes(m.actorId)
  return { ...base, members, memberships, mine }
}

/**
 * Every group of a negotiation as `GET .../groups` answers one caller: the stored ones
 * (campaign groups and coalitions, by id) and, for a delegate, their own delegation's first.
 */
export async function groupViews(
  storage: Storage,
  negotiationId: string,
  principal: Principal,
): Promise<GroupView[]> {
  const [groups, lists, round] = await Promise.all([
    storage.members.listGroups(negotiationId),
    storage.members.listCoalitionMembers(negotiationId),
    currentRound(storage, negotiationId),
  ])
  const m = principal.membership
  const own: GroupView[] =
    m?.role === 'delegate'
      ? [{ ...delegationGroup(m.actorId), members: [m.actorId], mine: true }]
      : []
  return [...own, ...groups.map((g) => storedView(g, lists, round, principal))]
}

/** One stored group as a view, or null. */
export async function groupView(
  storage: Storage,
  negotiationId: string,
  principal: Principal,
  groupId: string,
): Promise<GroupView | null> {
  const g = await storage.members.getGroup(negotiationId, groupId)
  if (!g) return null
  const [lists, round] = await Promise.all([
    storage.members.listCoalitionMembers(negotiationId),
    currentRound(storage, negotiationId),
  ])
  return storedView(g, lists, round, principal)
}

/** Who runs a group command, in which negotiation. */
export interface GroupContext {
  storage: Storage
  principal: Principal
  /** The display name recorded in history. */
  byName: string
  negotiationId: string
}

/** Why a group command did nothing. */
export type GroupRefusal =
  | { reason: 'group-taken' }
  | { reason: 'group-not-found' }
  | { reason: 'unknown-actor'; actorId: string }
  | { reason: 'unknown-round'; roundId: string }
  | { reason: 'not-a-coalition' }

/** A group command's outcome: the group as it is now, or why not. */
export type GroupResult = { ok: true; group: GroupView } | ({ ok: false } & GroupRefusal)

// The members checked: participants of the negotiation, each once, in the order given; the
// round one of the negotiation's (null: from the start).
async function checkMembership(
  ctx: GroupContext,
  roundId: string | null,
  actorIds: readonly string[],
): Promise<{ ok: true; actorIds: string[] } | ({ ok: false } & GroupRefusal)> {
  const [participants, rounds] = await Promise.all([
    ctx.storage.participants.list(ctx.negotiationId),
    ctx.storage.rounds.list(ctx.negotiationId),
  ])
  if (roundId !== null && !rounds.some((r) => r.id === roundId)) {
    return { ok: false, reason: 'unknown-round', roundId }
  }
  const known = new Set(participants.map((p) => p.actorId))
  const unknown = actorIds.find((a) => !known.has(a))
  if (unknown !== undefined) return { ok: false, reason: 'unknown-actor', actorId: unknown }
  return { ok: true, actorIds: [...new Set(actorIds)] }
}

// The event of a coalition's list set for a round, in the transaction of the list's write.
const membersEvent = (
  ctx: GroupContext,
  group: { id: string; name: string },
  roundId: string | null,
  actorIds: string[],
  eventRound: string | null,
) =>
  newEvent({
    negotiationId: ctx.negotiationId,
    type: 'coalition-members-changed',
    accountId: ctx.principal.accountId,
    byName: ctx.byName,
    roundId: eventRound,
    data: { groupId: group.id, name: group.name, roundId, actorIds },
  })

/**
 * Creates a campaign group or a coalition (the chair; the route checks). A coalition given
 * `actorIds` stores its first list (from `roundId` on, else from the start) with its event, in
 * one transaction with the group.
 */
export async function createGroup(ctx: GroupContext, input: GroupInput): Promise<GroupResult> {
  const kind = input.kind
  const roundId = input.roundId ?? null
  const listed = kind === 'coalition' && input.actorIds !== undefined
  const checked = listed
    ? await checkMembership(ctx, roundId, input.actorIds ?? [])
    : { ok: true as const, actorIds: [] as string[] }
  if (!checked.ok) return checked
  const eventRound = await currentRoundId(ctx.storage, ctx.negotiationId)
  const created = await ctx.storage.atomically(async (tx) => {
    const made = await tx.members.createGroup(ctx.negotiationId, {
      id: input.id,
      name: input.name,
      kind,
      source: input.source,
      provenance: input.provenance,
    })
    if (!made.ok || !listed) return made
    await tx.members.setCoalitionMembers(ctx.negotiationId, input.id, roundId, checked.actorIds)
    await tx.events.append(membersEvent(ctx, input, roundId, checked.actorIds, eventRound))
    return made
  })
  if (!created.ok) return { ok: false, reason: 'group-taken' }
  const group = await groupView(ctx.storage, ctx.negotiationId, ctx.principal, input.id)
  if (!group) throw new Error(`group ${input.id} not stored`)
  return { ok: true, group }
}

/** What a change of a coalition's members changed besides its list. */
export interface MembersChanged {
  /** Actors that were members now and are no longer. */
  left: string[]
  /** The coalition's drafts whose sponsors followed its members (their rooms' access changed). */
  drafts: string[]
}

/**
 * The sponsors of a coalition's draft once its members are `members`: those still members keep
 * their place, new members follow in the list's order. Null when nothing changes, or when the
 * coalition has no members left (a draft keeps a sponsor).
 */
export function followMembers(sponsors: readonly string[], members: readonly string[]) {
  if (members.length === 0) return null
  const next = [
    ...sponsors.filter((a) => members.includes(a)),
    ...members.filter((a) => !sponsors.includes(a)),
  ]
  const same = next.length === sponsors.length && next.every((a, i) => a === sponsors[i])
  return same ? null : next
}

/**
 * Sets a coalition's members from a round on (the chair; the route checks), replacing that
 * round's list, with its event; the coalition's drafts not yet tabled take its members now as
 * sponsors, in the same transaction. Answers who left and which drafts changed, so that the
 * caller can cut their connections.
 */
export async function setCoalitionMembers(
  ctx: GroupContext,
  groupId: string,
  input: CoalitionMembershipInput,
): Promise<GroupResult & Partial<MembersChanged>> {
  const { storage, negotiationId } = ctx
  const stored = await storage.members.getGroup(negotiationId, groupId)
  if (!stored) return { ok: false, reason: 'group-not-found' }
  if (stored.kind !== 'coalition') return { ok: false, reason: 'not-a-coalition' }
  const checked = await checkMembership(ctx, input.roundId, input.actorIds)
  if (!checked.ok) return checked
  const [lists, round, proposals, eventRound] = await Promise.all([
    storage.members.listCoalitionMembers(negotiationId),
    currentRound(storage, negotiationId),
    storage.proposals.list(negotiationId),
    currentRoundId(storage, negotiationId),
  ])
  const own = lists.filter((l) => l.groupId === groupId)
  const next = [
    ...own.filter((l) => l.roundId !== input.roundId),
    { roundId: input.roundId, actorIds: checked.actorIds },
  ]
  const before = coalitionMembersAt({ memberships: own }, round.roundId, round.order)
  const after = coalitionMembersAt({ memberships: next }, round.roundId, round.order)
  const drafts = proposals.flatMap((p) => {
    if (p.coalitionId !== groupId || p.status !== 'draft' || hasBeenTabled(p)) return []
    const sponsors = followMembers(p.sponsors, after)
    if (!sponsors) return []
    return [{ ...p, sponsors, coSponsors: p.coSponsors.filter((a) => !sponsors.includes(a)) }]
  })
  await storage.atomically(async (tx) => {
    await tx.members.setCoalitionMembers(negotiationId, groupId, input.roundId, checked.actorIds)
    for (const d of drafts) await tx.proposals.put(d)
    await tx.events.append(membersEvent(ctx, stored, input.roundId, checked.actorIds, eventRound))
  })
  const group = await groupView(storage, negotiationId, ctx.principal, groupId)
  if (!group) throw new Error(`group ${groupId} vanished`)
  return {
    ok: true,
    group,
    left: before.filter((a) => !after.includes(a)),
    drafts: drafts.map((d) => d.id),
  }
}

/** A coalition by id with every list, or null for an unknown id or another kind of group. */
export async function getCoalition(
  storage: Storage,
  negotiationId: string,
  groupId: string,
): Promise<Coalition | null> {
  return (await listCoalitions(storage, negotiationId)).find((c) => c.id === groupId) ?? null
}
