/**
 * Typed transaction origins: every Yjs transaction says where it came from, so that
 * observers (storage, broadcast, history) never have to guess.
 */
export type Origin =
  | { kind: 'client'; connectionId: string }
  | { kind: 'storage' }
  | { kind: 'server-command'; command: string }

/** The origin of a transaction that loads stored state into a document. */
export const STORAGE_ORIGIN: Origin = { kind: 'storage' }

/** Whether a transaction origin is one of ours (y-prosemirror uses its own plugin key). */
export const isOrigin = (o: unknown): o is Origin =>
  typeof o === 'object' && o !== null && 'kind' in o && typeof (o as Origin).kind === 'string'
