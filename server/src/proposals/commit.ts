import type * as Y from 'yjs'
import type { Origin } from '../../../shared/collab'
import type { Room, StagedChange } from '../collab/Room'
import { HttpError } from '../http/errors'
import type { Storage, StorageTransaction } from '../storage/Storage'

/** A change a command makes to one room's document. */
export interface RoomChange {
  room: Room
  change: (doc: Y.Doc) => void
}

/**
 * Applies a command's room changes and table writes as one: every room's change is applied in
 * memory, then its updates and `write` are stored in one transaction, and only then is each
 * room's change broadcast. If anything fails, the rooms that changed reset (their clients
 * resync from storage), so nothing unstored lingers. Call inside the rooms' queues
 * (`RoomRegistry.withRooms`).
 */
export async function commitAtomically(
  storage: Storage,
  origin: Origin,
  changes: RoomChange[],
  write: (tx: StorageTransaction) => Promise<void>,
): Promise<void> {
  const staged: StagedChange[] = []
  try {
    for (const { room, change } of changes) staged.push(room.stage(origin, change))
  } catch (error) {
    staged.forEach((s) => s.discard('a server command failed half way'))
    throw error
  }
  // The sequence number each stored update got in its room, for the other instances holding it.
  const seqs: number[][] = []
  try {
    await storage.atomically(async (tx) => {
      seqs.length = 0
      for (const { room, updates } of staged) {
        const roomSeqs: number[] = []
        for (const update of updates) roomSeqs.push(await tx.appendUpdate(room, update))
        seqs.push(roomSeqs)
      }
      await write(tx)
    })
  } catch (error) {
    staged.forEach((s) => s.discard('storage failed'))
    console.error('a proposal command could not be stored:', error)
    throw new HttpError(503, 'storage_failure', 'Nothing was changed: storage failed. Try again.')
  }
  staged.forEach((s, i) => s.publish(seqs[i]))
}

/** The origin of a transaction made by a REST command. */
export const commandOrigin = (command: string): Origin => ({ kind: 'server-command', command })
