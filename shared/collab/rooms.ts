/** The kinds of room: one Yjs document per permission domain (docs/ARCHITECTURE.md). */
export const ROOM_KINDS = ['text', 'register', 'draft', 'notes', 'session'] as const
export type RoomKind = (typeof ROOM_KINDS)[number]

/**
 * A parsed room name: `<negotiation>/text`, `<negotiation>/draft/<proposal>`,
 * `<negotiation>/notes/<group>` (a group's notes: campaign group, coalition or delegation, or
 * `public`), `<negotiation>/session/<session>` (a session's working text, issue 13).
 */
export type RoomRef =
  | { negotiationId: string; kind: 'text' | 'register' }
  | { negotiationId: string; kind: 'draft' | 'notes' | 'session'; key: string }

/** The name of the shared XML fragment holding a ProseMirror document inside a room's Y.Doc. */
export const TEXT_FRAGMENT = 'prosemirror'

const SEGMENT = /^[a-z0-9][a-z0-9-]{0,63}$/

/** Whether a string is a valid negotiation id or room key. */
export const isValidSegment = (s: string): boolean => SEGMENT.test(s)

/** Parses a room name; returns null for anything that is not a well-formed room. */
export function parseRoomName(name: string): RoomRef | null {
  const parts = name.split('/')
  const [negotiationId, kind, key] = parts
  if (!negotiationId || !isValidSegment(negotiationId) || !kind) return null
  if ((kind === 'text' || kind === 'register') && parts.length === 2) {
    return { negotiationId, kind }
  }
  if (
    (kind === 'draft' || kind === 'notes' || kind === 'session') &&
    parts.length === 3 &&
    key &&
    isValidSegment(key)
  ) {
    return { negotiationId, kind, key }
  }
  return null
}

/** Formats a room reference as its name. */
export function roomName(ref: RoomRef): string {
  return 'key' in ref
    ? `${ref.negotiationId}/${ref.kind}/${ref.key}`
    : `${ref.negotiationId}/${ref.kind}`
}

/** The websocket path prefix under which rooms are served: `/collab/<room>`. */
export const COLLAB_PATH = '/collab'
