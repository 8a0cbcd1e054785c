import type { Node } from 'prosemirror-model'
import { roomName } from '../../../shared/collab'
import { placedProposal, type PlacedProposal } from '../../../shared/domain/export'
import type { RoomRegistry } from '../collab/rooms'
import { resolveAnchor, textView } from '../proposals/anchors'
import { hasBeenTabled } from '../proposals/visibility'
import type { Storage } from '../storage/Storage'

/** The live text and its tabled proposals placed in that very document, read together. */
export interface TextWithProposals {
  doc: Node
  proposals: PlacedProposal[]
}

/**
 * The live text with every tabled proposal's words resolved in it (null where they are gone),
 * for the "text with brackets" view; drafts are never shown (every member reads what is tabled).
 */
export async function textWithProposals(
  deps: { storage: Storage; registry: RoomRegistry },
  negotiationId: string,
): Promise<TextWithProposals> {
  const tabled = (await deps.storage.proposals.list(negotiationId)).filter(hasBeenTabled)
  return deps.registry.read(roomName({ negotiationId, kind: 'text' }), (ydoc) => {
    const view = textView(ydoc)
    return {
      doc: view.doc,
      proposals: tabled.map((p) =>
        placedProposal(p, p.anchor ? resolveAnchor(view, p.anchor, p.articleId) : null),
      ),
    }
  })
}
