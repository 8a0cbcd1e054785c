import type { Actor } from '../../../shared/domain/actors'
import { mayReadRecordEntry, type Principal } from '../../../shared/domain/policy'
import type { StanceData } from '../../../shared/domain/stances/stanceData'
import { statementOfPosition } from '../../../shared/domain/stances/statements'
import type { Statement } from '../../../shared/domain/stances/types'
import { getActor } from '../actors/catalogue'
import { hasBeenTabled } from '../proposals/visibility'
import type { Storage } from '../storage/Storage'

/** The statements a principal may read: every record's public entries and its own group's. */
export async function visibleStatements(
  storage: Storage,
  principal: Principal,
  negotiationId: string,
): Promise<Statement[]> {
  const [statements, positions, proposals] = await Promise.all([
    storage.issues.listStatements(negotiationId),
    storage.proposals.listPositions(negotiationId),
    storage.proposals.list(negotiationId),
  ])
  const tabled = new Set(proposals.filter(hasBeenTabled).map((p) => p.id))
  return [
    ...positions
      .filter((p) => tabled.has(p.proposalId))
      .map((p) => statementOfPosition(negotiationId, p)),
    ...statements,
  ].filter((s) => mayReadRecordEntry(principal, s))
}

/** What `GET /api/negotiations/:id/stances` answers for one reader (see `StanceData`). */
export async function stanceData(
  storage: Storage,
  principal: Principal,
  negotiationId: string,
): Promise<StanceData> {
  const m = principal.membership
  const groupId = m?.role === 'campaigner' ? m.groupId : null
  const [
    rounds,
    issues,
    proposals,
    statements,
    participants,
    declarations,
    endorsements,
    roundCounts,
    treatyStatus,
    targetLists,
    groups,
  ] = await Promise.all([
    storage.listRounds(negotiationId),
    storage.issues.list(negotiationId),
    storage.proposals.list(negotiationId),
    visibleStatements(storage, principal, negotiationId),
    storage.participants.list(negotiationId),
    storage.declarations.list(negotiationId),
    storage.declarations.listEndorsements(negotiationId),
    storage.declarations.listRoundCounts(negotiationId),
    storage.declarations.listTreatyStatus(negotiationId),
    groupId ? storage.campaign.listTargets(negotiationId, groupId) : Promise.resolve([]),
    storage.members.listGroups(negotiationId),
  ])
  const actorIds = new Set<string>([
    ...participants.map((p) => p.actorId),
    ...statements.map((s) => s.actorId),
    ...endorsements.map((e) => e.actorId),
    ...treatyStatus.map((t) => t.actorId),
    ...targetLists.flatMap((t) => t.actorIds),
  ])
  const actors = [...actorIds]
    .map((id) => getActor(id))
    .filter((a): a is Actor => a !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    rounds,
    issues,
    proposals: proposals.filter(hasBeenTabled).map((p) => ({
      id: p.id,
      title: p.title,
      articleId: p.articleId,
      sponsors: p.sponsors,
      coSponsors: p.coSponsors,
      status: p.status,
      tabledSeq: p.tabledSeq,
      ...(p.synthetic ? { synthetic: true } : {}),
    })),
    statements,
    actors,
    participants,
    declarations,
    endorsements,
    roundCounts,
    treatyStatus,
    targetLists,
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
  }
}
