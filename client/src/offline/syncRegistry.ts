import { useSyncExternalStore } from 'react'
import { parseRoomName } from '../../../shared/collab'

/**
 * Where each open room stands between this device and the server (issue 14): the one store the
 * header's sync indicator reads. `useCollabRoom` writes a room's entry while a page shows it.
 */

/** Whether and why a room is kept on this device. */
export type KeptOnDevice = 'always' | 'opted-in' | 'not-kept'

/** One room's sync state. */
export interface RoomSync {
  /** The room's name (`<negotiation>/text`, `…/draft/<id>`, …). */
  room: string
  /** What the person calls it: "Text", "Draft: …", "Notes of …". */
  label: string
  /** The websocket is open and the first sync with the server is done. */
  connected: boolean
  /** When this room lost (or never had) its connection, epoch ms; null while connected. */
  offlineSince: number | null
  /**
   * Changes made on this device that the server has not acknowledged as stored: local
   * transactions not yet acknowledged, plus (text room, chair) the articles of the offline
   * change set still to review.
   */
  pending: number
  /** Articles edited offline in the main text, waiting for the chair's review. */
  changeSet: number
  /** Whether the room's contents are kept in this browser's storage. */
  kept: KeptOnDevice
  /** The server refused this connection for good (the close code), else null. */
  refusal: number | null
}

/** A local copy of changes the server refused (access narrowed meanwhile), kept to export. */
export interface LocalCopy {
  id: string
  room: string
  label: string
  /** The document as plain text, article by article. */
  text: string
  /** The document as JSON (ProseMirror JSON for texts and drafts, the notes map for notes). */
  json: unknown
  /** How many local changes it held that the server did not take. */
  changes: number
  reason: string
  savedAt: number
}

type Listener = () => void

const rooms = new Map<string, RoomSync>()
let snapshot: RoomSync[] = []
const listeners = new Set<Listener>()

function emit() {
  snapshot = [...rooms.values()]
  for (const l of listeners) l()
}

/** Writes (part of) a room's entry; creates it with defaults if needed. */
export function setRoomSync(room: string, patch: Partial<RoomSync>): void {
  const prev = rooms.get(room) ?? {
    room,
    label: defaultRoomLabel(room),
    connected: false,
    offlineSince: null,
    pending: 0,
    changeSet: 0,
    kept: 'not-kept',
    refusal: null,
  }
  const next = { ...prev, ...patch }
  if (
    (Object.keys(next) as (keyof RoomSync)[]).every((k) => next[k] === prev[k]) &&
    rooms.has(room)
  )
    return
  rooms.set(room, next)
  emit()
}

/** Removes a room's entry when no page shows it any more. */
export function removeRoomSync(room: string): void {
  if (rooms.delete(room)) emit()
}

/** The entries now, in the order rooms were opened. */
export const roomSyncSnapshot = (): RoomSync[] => snapshot

/** Subscribes to changes of any entry. */
export function subscribeRoomSync(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The open rooms' sync states, re-rendering on every change. */
export const useRoomSync = (): RoomSync[] =>
  useSyncExternalStore(subscribeRoomSync, roomSyncSnapshot, roomSyncSnapshot)

/** The indicator's one state for all rooms: offline wins, then changes on this device. */
export type SyncSummary =
  | { state: 'offline'; since: number; pending: number }
  | { state: 'pending'; pending: number }
  | { state: 'saved' }
  | { state: 'connecting' }
  | { state: 'refused' }

/** Sums the rooms' states into what the header shows. */
export function summarize(states: readonly RoomSync[]): SyncSummary {
  const pending = states.reduce((n, s) => n + s.pending, 0)
  const live = states.filter((s) => s.refusal === null)
  const offline = live.filter((s) => !s.connected && s.offlineSince !== null)
  if (offline.length > 0)
    return { state: 'offline', since: Math.min(...offline.map((s) => s.offlineSince!)), pending }
  if (pending > 0) return { state: 'pending', pending }
  if (states.length > 0 && live.length === 0) return { state: 'refused' }
  if (live.some((s) => !s.connected)) return { state: 'connecting' }
  return { state: 'saved' }
}

/** A room's default name in the indicator, from its kind. */
export function defaultRoomLabel(room: string): string {
  const ref = parseRoomName(room)
  if (!ref) return room
  switch (ref.kind) {
    case 'text':
      return 'Text'
    case 'register':
      return 'Proposals'
    case 'draft':
      return 'Draft proposal'
    case 'notes':
      return ref.key === 'public' ? 'Published notes' : 'Group notes'
    case 'session':
      return 'Session text'
  }
}
