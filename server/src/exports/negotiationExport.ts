import * as Y from 'yjs'
import { delegationGroupId } from '../../../shared/domain/groups'
import { PUBLIC_NOTES } from '../../../shared/domain/policy'
import { SCHEMA_VERSION } from '../../../shared/schema'
import type { RoomRegistry } from '../collab/rooms'
import type { Negotiation, Storage } from '../storage/Storage'
import { EXPORT_FORMAT, EXPORT_VERSION, type NegotiationExport } from './negotiationFormat'
import { liveText } from './textVersion'

/** The rooms of a negotiation by their names after `<negotiation>/`. */
export async function roomsOf(storage: Storage, negotiationId: string): Promise<string[]> {
  const proposals = await storage.proposals.list(negotiationId)
  const groups = await storage.members.listGroups(negotiationId)
  const participants = await storage.participants.list(negotiationId)
  return [
    'text',
    'register',
    ...proposals.map((p) => `draft/${p.id}`),
    ...groups.map((g) => `notes/${g.id}`),
    // A delegation's notes room has no stored group: one per participant (empty ones left out).
    ...participants.map((p) => `notes/${delegationGroupId(p.actorId)}`),
    `notes/${PUBLIC_NOTES}`,
  ]
}

/**
 * A whole negotiation as one JSON value (see NegotiationExportSchema): its rounds, every room's
 * Yjs state, the text as ProseMirror JSON, proposals with their histories, positions,
 * participants, groups, members by username, the texts frozen when rounds closed, the event
 * log, and who stands where: issues, statements of every record (groups' private ones too),
 * papers, declarations and endorsements, counts per round, treaty status, and every group's
 * target lists and campaign actions. Empty rooms are left out.
 */
export async function exportNegotiation(
  storage: Storage,
  registry: RoomRegistry,
  negotiation: Negotiation,
): Promise<NegotiationExport> {
  const id = negotiation.id
  const rooms: NegotiationExport['rooms'] = []
  for (const name of await roomsOf(storage, id)) {
    const update = await registry.read(`${id}/${name}`, (doc) =>
      doc.store.clients.size === 0 ? null : Y.encodeStateAsUpdate(doc),
    )
    if (update) rooms.push({ name, update: Buffer.from(update).toString('base64') })
  }
  const members = await storage.members.listMembers(id)
  const groups = await storage.members.listGroups(id)
  const perGroup = async <T>(read: (groupId: string) => Promise<T[]>): Promise<T[]> =>
    (await Promise.all(groups.map((g) => read(g.id)))).flat()
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    schemaVersion: SCHEMA_VERSION,
    negotiation: { id, name: negotiation.name, createdAt: negotiation.createdAt },
    rounds: await storage.listRounds(id),
    text: (await liveText(registry, id)).toJSON(),
    rooms,
    proposals: await storage.proposals.list(id),
    positions: await storage.proposals.listPositions(id),
    participants: await storage.participants.list(id),
    roundSnapshots: (await storage.rounds.snapshots(id)).map(({ state, ...s }) => ({
      ...s,
      state: Buffer.from(state).toString('base64'),
    })),
    events: await storage.events.list(id),
    concordances: await storage.concordances.list(id),
    groups,
    coalitionMembers: await storage.members.listCoalitionMembers(id),
    members: members.map((m) => ({ username: m.username, membership: m.membership })),
    issues: await storage.issues.list(id),
    statements: await storage.issues.listStatements(id),
    papers: await storage.issues.listPapers(id),
    declarations: await storage.declarations.list(id),
    endorsements: await storage.declarations.listEndorsements(id),
    roundCounts: await storage.declarations.listRoundCounts(id),
    treatyStatus: await storage.declarations.listTreatyStatus(id),
    targetLists: await perGroup((g) => storage.campaign.listTargets(id, g)),
    // Oldest first, as they were logged (the store answers newest first).
    campaignActions: (await perGroup((g) => storage.campaign.listActions(id, g))).sort((a, b) =>
      a.recordedAt.localeCompare(b.recordedAt),
    ),
  }
}
