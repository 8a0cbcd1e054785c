import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { STORAGE_ORIGIN, TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { numbersFrozen } from '../../../shared/domain/numbering'
import { treatySchema } from '../../../shared/schema'
import type { Storage } from '../storage/Storage'
import { FREEZE_ORIGIN } from './commands'
import { freezeLabels } from './labelWrites'

/** Whether a negotiation's text has been circulated: some closed round froze a text. */
export async function hasCirculated(storage: Storage, negotiationId: string): Promise<boolean> {
  const rounds = await storage.rounds.list(negotiationId)
  return rounds.some((r) => r.status === 'closed' && r.snapshotName !== null)
}

/**
 * The update that freezes the numbers of a text (its stored Yjs updates, in order), or null if
 * they are frozen already (some article carries a label) or there is nothing to freeze.
 */
export function freezeUpdate(updates: readonly Uint8Array[]): Uint8Array | null {
  const doc = new Y.Doc()
  try {
    doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)), STORAGE_ORIGIN)
    const fragment = doc.getXmlFragment(TEXT_FRAGMENT)
    if (numbersFrozen(yXmlFragmentToProseMirrorRootNode(fragment, treatySchema))) return null
    const changes: Uint8Array[] = []
    const collect = (u: Uint8Array) => changes.push(u)
    doc.on('update', collect)
    doc.transact(() => freezeLabels(fragment), FREEZE_ORIGIN)
    doc.off('update', collect)
    return changes.length === 0 ? null : Y.mergeUpdates(changes)
  } finally {
    doc.destroy()
  }
}

/** The name under which the storage records that the step below is done. */
export const FREEZE_STEP = 'schema-3-freeze-circulated-texts'

/**
 * Schema 3's one-time data step, run at start before any room is loaded: the live text of every
 * negotiation that has circulated a text (a round closed on it) gets its numbers frozen, as a
 * round closing now would. Recorded as done, so later starts load no text for it; idempotent
 * anyway (a text whose numbers are frozen is left alone). Answers the negotiations it froze.
 */
export async function freezeCirculatedTexts(storage: Storage): Promise<string[]> {
  if (await storage.dataStepDone(FREEZE_STEP)) return []
  const frozen: string[] = []
  for (const negotiation of await storage.listNegotiations()) {
    if (!(await hasCirculated(storage, negotiation.id))) continue
    const room = roomName({ negotiationId: negotiation.id, kind: 'text' })
    const update = freezeUpdate(await storage.loadRoom(room))
    if (!update) continue
    await storage.appendUpdate(room, update)
    frozen.push(negotiation.id)
  }
  await storage.markDataStep(FREEZE_STEP)
  return frozen
}
