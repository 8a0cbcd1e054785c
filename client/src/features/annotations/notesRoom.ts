import { groupsOf, type Principal } from '../../../../shared/domain/policy'
import { requestJump } from '../search/searchStore'
import { useQueryParam } from '../issues/issueUrl'

/** The address's query parameter naming the group whose notes the text page shows. */
export const NOTES_PARAM = 'notes'

/**
 * The group whose notes room this person writes in: the one the address names if they are in
 * it, else their first group (a delegation before its coalitions); null for the chair and
 * observers, who belong to none.
 */
export function chosenNotesGroup(principal: Principal, asked: string | null): string | null {
  const mine = groupsOf(principal)
  return asked && mine.includes(asked) ? asked : (mine[0] ?? null)
}

/** The `?notes=` of the address, following it as it changes. */
export const useNotesParam = (): string | null => useQueryParam(NOTES_PARAM)

/** The address of the text with one group's notes beside it. */
export const notesHref = (negotiationId: string, groupId: string): string =>
  `/n/${encodeURIComponent(negotiationId)}?${NOTES_PARAM}=${encodeURIComponent(groupId)}`

/** Opens the text with one group's notes in the Notes tab (from the Rooms page). */
export function openNotes(negotiationId: string, groupId: string): void {
  window.history.pushState(null, '', notesHref(negotiationId, groupId))
  window.dispatchEvent(new PopStateEvent('popstate'))
  // The text page brings its Notes tab forward for a notes "hit" that names no note.
  requestJump({
    kind: 'notes',
    id: '',
    title: { text: '', marks: [] },
    snippet: { text: '', marks: [] },
    jump: { articleId: null, clause: null, quote: null },
  })
}
