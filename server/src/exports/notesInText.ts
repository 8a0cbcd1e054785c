import type { Node } from 'prosemirror-model'
import { roomName } from '../../../shared/collab'
import { placeAnnotation, type PlacedAnnotation } from '../../../shared/domain/annotations/anchors'
import { isDelegationGroupId } from '../../../shared/domain/groups'
import { notesRoom, readNotes, requireAnnotator, type NotesContext } from '../annotations/notes'
import { HttpError } from '../http/errors'
import { textView } from '../proposals/anchors'

/** The live text and a group's notes placed in that very document, for a Word file with comments. */
export interface TextWithNotes {
  doc: Node
  notes: PlacedAnnotation[]
}

/**
 * The live text with the group's notes placed in it, read in one go so that the positions
 * fit the document. 403 unless the principal is one of the group's members, of any kind
 * (checked first, so a refusal says nothing about the group); 404 for a group the negotiation
 * does not have.
 */
export async function textWithNotes(ctx: NotesContext): Promise<TextWithNotes> {
  requireAnnotator(ctx)
  // A delegation's group is never stored: being in it (checked above) is its existence.
  const exists =
    isDelegationGroupId(ctx.groupId) ||
    (await ctx.storage.members.getGroup(ctx.negotiationId, ctx.groupId)) !== null
  if (!exists) throw new HttpError(404, 'group_not_found', `No group "${ctx.groupId}" here.`)
  const notes = await ctx.registry.read(notesRoom(ctx.negotiationId, ctx.groupId), readNotes)
  const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
  return ctx.registry.read(text, (ydoc) => {
    const view = textView(ydoc)
    const binding = { doc: ydoc, type: view.fragment, mapping: view.mapping }
    return {
      doc: view.doc,
      notes: notes.map((n) => placeAnnotation(binding, view.doc, n)),
    }
  })
}
