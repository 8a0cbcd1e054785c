import type { IncomingMessage } from 'node:http'
import * as Y from 'yjs'
import type { RoomRef } from '../../../shared/collab'

/** What a connection may do in a room: read gets the document and presence; write may also edit. */
export type Access = 'read' | 'write'

/** A refusal of a connection, sent as a named close code. */
export interface Refusal {
  code: number
  reason: string
}

/** Whose a connection is: the account, and the session or API token it signed in with. */
export interface ConnectionOwner {
  accountId: string
  /** The account's username, stamped into the presence this connection announces. */
  username?: string
  sessionId?: string
  /** When that session expires; its connections close then (API tokens last until revoked). */
  expiresAt?: string
  tokenId?: string
}

/** An admitted connection's access, and whose it is (for limits, and to cut it later). */
export interface Grant {
  access: Access
  owner?: ConnectionOwner
}

/** Decides, once per connection, what it may do in a room, or refuses it. */
export type AccessDecider = (
  ref: RoomRef,
  request: IncomingMessage,
) => Promise<Access | Grant | Refusal>

/** A decider for tests of the sync itself: everyone reads and writes, nobody signs in. */
export const everyoneWrites: AccessDecider = async () => 'write'

/**
 * Whether applying `update` would change `doc`. A reader's sync step 2 on reconnect carries its
 * whole delete set and structs the room may already have; only what is new counts as a write.
 */
export function wouldChange(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)))
  if (structs.length > 0) return true
  const known = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, deletes] of ds.clients) {
    const ranges = known.clients.get(client) ?? []
    for (const { clock, len } of deletes) {
      const covered = ranges.some((r) => r.clock <= clock && clock + len <= r.clock + r.len)
      if (!covered) return true
    }
  }
  return false
}
