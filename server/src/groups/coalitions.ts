import { coalitionMembersAt, type Coalition } from '../../../shared/domain/groups'
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
