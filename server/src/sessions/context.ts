import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import type * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import type { Principal } from '../../../shared/domain/policy'
import type { SessionErrorCode } from '../../../shared/domain/sessionText'
import type { Session } from '../../../shared/domain/sessions'
import { treatySchema } from '../../../shared/schema'
import type { RoomRegistry } from '../collab/rooms'
import type { SerialQueue } from '../proposals/SerialQueue'
import type { Storage } from '../storage/Storage'
import type { StoredSession } from '../storage/SessionStore'

/** What the session commands run against: storage, the live rooms, the negotiation's queue. */
export interface SessionDeps {
  storage: Storage
  registry: RoomRegistry
  /** Serialises a negotiation's commands (the proposal commands' queue). */
  queue: SerialQueue
}

/** Who gives a session command in which negotiation. */
export interface SessionContext extends SessionDeps {
  principal: Principal
  /** The display name recorded in history. */
  byName: string
  negotiationId: string
}

/** A session command's answer: its value, or why it was refused (the route maps the code). */
export type SessionResult<T> =
  { ok: true; value: T } | { ok: false; code: SessionErrorCode; message: string }

/** A refusal with its code and sentence. */
export const refuse = (code: SessionErrorCode, message: string) =>
  ({ ok: false, code, message }) as const

/** A success. */
export const done = <T>(value: T) => ({ ok: true, value }) as const

/** The refusal of a session that does not exist. */
export const notFound = (id: string) =>
  refuse('session_not_found', `No session "${id}" in this negotiation.`)

/** The room of a session's working text. */
export const sessionRoom = (negotiationId: string, sessionId: string): string =>
  roomName({ negotiationId, kind: 'session', key: sessionId })

/** The main text's room. */
export const textRoom = (negotiationId: string): string => roomName({ negotiationId, kind: 'text' })

/** A room's document read as a treaty text. */
export const docOf = (ydoc: Y.Doc): Node =>
  yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), treatySchema)

/** Sessions as the API shows them: with their facilitators' display names from accounts. */
export async function withNames(
  storage: Storage,
  sessions: readonly StoredSession[],
): Promise<Session[]> {
  const names = new Map<string, string>()
  for (const id of new Set(sessions.flatMap((s) => s.facilitators))) {
    names.set(id, (await storage.accounts.get(id))?.displayName ?? id)
  }
  return sessions.map((s) => ({
    ...s,
    facilitatorNames: s.facilitators.map((id) => names.get(id) ?? id),
  }))
}

/** One session with its facilitators' names. */
export const withNamesOne = async (storage: Storage, s: StoredSession): Promise<Session> =>
  (await withNames(storage, [s]))[0] as Session
