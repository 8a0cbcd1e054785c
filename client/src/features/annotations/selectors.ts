import { countsByArticle, filterAnnotations } from '../../../../shared/domain/annotations/filters'
import type { Proposal } from '../../../../shared/domain/proposals'
import type { NotePlacements } from '../../editor/plugins/annotationsPlugin'
import { sponsorCodes } from '../proposals/actorNames'
import type { ProposalChoice } from './AnnotationDialog'
import type { ShownNote } from './useNotes'

/** What the notes panel is filtered by ('' for any). */
export interface NoteFilter {
  tag: string
  /** An author's account id. */
  author: string
  status: '' | 'open' | 'resolved'
}

/** The default filter: every note of the article. */
export const DEFAULT_NOTE_FILTER: NoteFilter = { tag: '', author: '', status: '' }

/** The notes that pass the panel's filter (the domain's filter, '' meaning any). */
export const filterNotes = (notes: readonly ShownNote[], f: NoteFilter): ShownNote[] =>
  filterAnnotations(notes, {
    ...(f.tag ? { tag: f.tag } : {}),
    ...(f.author ? { authorAccountId: f.author } : {}),
    ...(f.status ? { resolved: f.status === 'resolved' } : {}),
  })

/** Notes per article id, for the outline ("2 notes"): every note one sees, resolved or not. */
export const noteCounts = (notes: readonly ShownNote[]): Map<string, number> =>
  new Map(Object.entries(countsByArticle(notes)).map(([id, c]) => [id, c.total]))

/** Notes in the order of their words in the text; orphans (words deleted) last, oldest first. */
export function inTextOrder(notes: readonly ShownNote[], placements: NotePlacements): ShownNote[] {
  const at = (n: ShownNote) => placements.get(n.id)?.from ?? Number.POSITIVE_INFINITY
  return [...notes].sort((a, b) => at(a) - at(b) || a.createdAt.localeCompare(b.createdAt))
}

/** Tabled proposals as choices for a note's link: the note's article's first, then the rest. */
export function proposalChoices(
  proposals: readonly Proposal[],
  articleId: string | null,
): ProposalChoice[] {
  const tabled = proposals.filter((p) => p.status !== 'draft')
  const rank = (p: Proposal) => (p.articleId === articleId ? 0 : 1)
  return [...tabled]
    .sort((a, b) => rank(a) - rank(b) || (a.tabledSeq ?? 0) - (b.tabledSeq ?? 0))
    .map((p) => ({ id: p.id, label: `${p.title} (${sponsorCodes(p)})` }))
}
