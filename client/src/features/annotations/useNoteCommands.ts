import { useMemo } from 'react'
import type { AnnotationInput } from '../../../../shared/domain/annotations/types'
import type { Composing } from './AnnotationDialog'
import { publishNote, unpublishNote } from './annotationsApi'
import {
  addAnnotation,
  addReply,
  deleteAnnotation,
  deleteReply,
  editAnnotation,
  editReply,
  setResolved,
  type Author,
} from './notesDoc'
import type { Notes } from './useNotes'

/** What a campaigner may do to the group's notes; null for everyone else. */
export interface NoteCommands {
  author: Author
  /** Writes a new note or its author's edit; answers the note's id. */
  save: (composing: Composing, input: AnnotationInput) => string
  remove: (id: string) => void
  resolve: (id: string, resolved: boolean) => void
  reply: (id: string, body: string) => void
  editReply: (id: string, replyId: string, body: string) => void
  deleteReply: (id: string, replyId: string) => void
  /** Publishes (true) or unpublishes (false) through the server, which writes the public room. */
  publish: (id: string, published: boolean) => Promise<unknown>
}

/**
 * The group's notes commands, written straight into the group's room through Yjs (the policy
 * lets the group's campaigners write it); publishing goes through the server.
 */
export function useNoteCommands(
  negotiationId: string,
  notes: Notes,
  author: Author,
): NoteCommands | null {
  const { groupDoc: doc, groupId } = notes
  const { accountId, name } = author
  return useMemo(() => {
    if (!doc || !groupId) return null
    const by = { accountId, name }
    return {
      author: by,
      save: (composing, input) => {
        if (composing.kind === 'edit') {
          editAnnotation(doc, composing.id, input)
          return composing.id
        }
        const { articleId, anchor } = composing.target
        return addAnnotation(doc, { groupId, articleId, anchor, input, author: by })
      },
      remove: (id) => deleteAnnotation(doc, id),
      resolve: (id, resolved) => setResolved(doc, id, resolved, by),
      reply: (id, body) => addReply(doc, id, body, by),
      editReply: (id, replyId, body) => editReply(doc, id, replyId, body),
      deleteReply: (id, replyId) => deleteReply(doc, id, replyId),
      publish: (id, published) =>
        published
          ? publishNote(negotiationId, groupId, id)
          : unpublishNote(negotiationId, groupId, id),
    }
  }, [doc, groupId, negotiationId, accountId, name])
}
