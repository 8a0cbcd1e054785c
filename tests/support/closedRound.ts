import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { treatySchema } from '../../shared/schema'
import { openStorage } from '../../server/src/storage/openStorage'

/** The name of the text `closeOsloRound` freezes. */
export const OSLO_TEXT = 'Oslo Discussion Text'

/**
 * Writes into a stopped server's data folder what closing the demo's first round leaves: the
 * round opened and closed with the text frozen as it stands, and the two events, through the
 * storage API. Start a server on the folder afterwards.
 */
export async function closeOsloRound(
  where: string | { dataDir: string; databaseUrl?: string },
): Promise<void> {
  // A data folder, or a stopped test server (its folder, or its PostgreSQL schema).
  const { dataDir, databaseUrl } = typeof where === 'string' ? { dataDir: where } : where
  const storage = await openStorage(dataDir, { databaseUrl })
  try {
    const doc = new Y.Doc()
    for (const u of await storage.loadRoom('ccm/text')) Y.applyUpdate(doc, u)
    const text = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema)
    const event = {
      negotiationId: 'ccm',
      accountId: null,
      byName: 'Chair',
      actorId: null,
      roundId: 'oslo-2007',
      articleId: null,
      proposalId: null,
    }
    await storage.atomically(async (tx) => {
      await tx.rounds.open('ccm', 'oslo-2007', '2007-02-22T09:00:00.000Z')
      await tx.events.append({
        ...event,
        type: 'round-opened',
        at: '2007-02-22T09:00:00.000Z',
        data: {},
      })
      await tx.rounds.close('ccm', {
        roundId: 'oslo-2007',
        name: OSLO_TEXT,
        closedAt: '2007-02-23T17:00:00.000Z',
        closedBy: 'Chair',
        doc: text.toJSON(),
        state: Y.encodeStateAsUpdate(doc),
      })
      await tx.events.append({
        ...event,
        type: 'round-closed',
        at: '2007-02-23T17:00:00.000Z',
        data: { snapshotName: OSLO_TEXT },
      })
    })
    doc.destroy()
  } finally {
    await storage.close()
  }
}
