import type { Node } from 'prosemirror-model'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { treatySchema } from '../../../shared/schema'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import type { Negotiation, Storage } from '../storage/Storage'

/** A version of a negotiation's text to export: the document, what it is called, its date. */
export interface TextVersion {
  doc: Node
  /** "Vienna Discussion Text", or "Current text". */
  name: string
  /** YYYY-MM-DD: when the round closed, or today for the live text. */
  date: string
  roundId: string | null
  /** True where the demo invented this frozen text. */
  synthetic: boolean
}

/** What reading a text needs. */
export interface TextDeps {
  storage: Storage
  registry: RoomRegistry
}

/** The live text of a negotiation as a ProseMirror document. */
export function liveText(registry: RoomRegistry, negotiationId: string): Promise<Node> {
  return registry.read(roomName({ negotiationId, kind: 'text' }), (doc) =>
    yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema),
  )
}

/**
 * The version of the text an export asks for: a closed round's frozen text (`?round=<id>`),
 * or the live text. 404 for a round the negotiation does not have, 409 for one not closed.
 */
export async function textVersion(
  deps: TextDeps,
  negotiation: Negotiation,
  roundId: string | undefined,
): Promise<TextVersion> {
  const today = new Date().toISOString().slice(0, 10)
  if (roundId === undefined) {
    const doc = await liveText(deps.registry, negotiation.id)
    return { doc, name: 'Current text', date: today, roundId: null, synthetic: false }
  }
  const rounds = await deps.storage.listRounds(negotiation.id)
  if (!rounds.some((r) => r.id === roundId)) {
    throw new HttpError(404, 'unknown_round', `No round "${roundId}" in this negotiation.`)
  }
  const snapshot = await deps.storage.rounds.snapshot(negotiation.id, roundId)
  if (!snapshot) {
    throw new HttpError(
      409,
      'round_not_closed',
      `"${roundId}" has not been closed, so no text of it is frozen; export the current text instead.`,
    )
  }
  return {
    doc: treatySchema.nodeFromJSON(snapshot.doc),
    name: snapshot.name,
    date: snapshot.closedAt.slice(0, 10),
    roundId,
    synthetic: snapshot.synthetic === true,
  }
}
