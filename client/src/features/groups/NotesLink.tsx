import { notesHref, openNotes } from '../annotations/notesRoom'

/** A link to one group's notes beside the text (the text page's Notes tab, that group chosen). */
export function NotesLink({ negotiationId, groupId }: { negotiationId: string; groupId: string }) {
  return (
    <a
      href={notesHref(negotiationId, groupId)}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
        e.preventDefault()
        openNotes(negotiationId, groupId)
      }}
    >
      Notes in the text
    </a>
  )
}
