/**
 * Typed transaction origins: every Yjs transaction says where it came from, so that
 * observers (storage, broadcast, history) never have to guess.
 */
export type Origin =
  | { kind: 'client'; connectionId: string }
  | { kind: 'storage' }
  | { kind: 'server-command'; command: string }
  | { kind: 'remote' }

/** The origin of a transaction that loads stored state into a document. */
export const STORAGE_ORIGIN: Origin = { kind: 'storage' }

/**
 * The origin of an update another instance stored and published (issue 16): applied and sent to
 * this instance's clients, never published again, stored again, acknowledged or summarised.
 */
export const REMOTE_ORIGIN: Origin = { kind: 'remote' }

/** The origin of the server's own repair of a text's structure (shared/domain/structure.ts). */
export const STRUCTURE_ORIGIN: Origin = { kind: 'server-command', command: 'restore-structure' }

/** Whether a transaction origin is one of ours (y-prosemirror uses its own plugin key). */
export const isOrigin = (o: unknown): o is Origin =>
  typeof o === 'object' && o !== null && 'kind' in o && typeof (o as Origin).kind === 'string'
