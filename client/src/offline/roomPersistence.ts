import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'
import { isRememberedDb, localDbName, rememberDb } from './localRooms'

/** One room's copy in this browser's IndexedDB, under the account's own database name. */
export interface RoomPersistence {
  /** The IndexedDB persistence; its transactions' origin is this object. */
  readonly idb: IndexeddbPersistence
  /** Resolves once the stored updates are in the document. */
  readonly loaded: Promise<void>
  /** Never kept in this browser before: nothing stored to wait for. */
  readonly fresh: boolean
  /** Stops writing; the stored copy stays. */
  destroy(): Promise<void>
  /** Stops writing and deletes the stored copy. */
  clear(): Promise<void>
}

/**
 * Keeps `doc` in the database of (account, room[, variant]): loads what was stored, then stores
 * every update. y-indexeddb writes the document's whole state first, so a copy started late
 * (the chair's offline fork) holds everything.
 */
export function persistRoom(
  accountId: string,
  room: string,
  doc: Y.Doc,
  variant?: 'local',
): RoomPersistence {
  const name = localDbName(accountId, room, variant)
  const fresh = !isRememberedDb(accountId, name)
  rememberDb(accountId, name)
  const idb = new IndexeddbPersistence(name, doc)
  return {
    idb,
    loaded: idb.whenSynced.then(() => undefined),
    fresh,
    destroy: () => idb.destroy(),
    clear: () => idb.clearData(),
  }
}
