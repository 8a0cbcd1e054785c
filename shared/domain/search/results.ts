import type { Marked, SearchKind } from './query'

/** One thing found, with its words marked and where to go to see it. */
export interface SearchHit {
  kind: SearchKind
  /** Article id (text), proposal id (proposals, positions), annotation id (notes), event seq. */
  id: string
  /** A heading: a proposal's title, an actor's stance, a note's author ('' for text clauses). */
  title: Marked
  /** A few words around the match, with the match marked. */
  snippet: Marked
  /** Where to jump: the article, and for text the clause index and the words to select. */
  jump: { articleId: string | null; clause: number | null; quote: string | null }
}

/** The hits of one article (or of none: events and proposals not on an article). */
export interface SearchGroup {
  articleId: string | null
  /** Its number and title in the current text; null when it has none there. */
  number: number | null
  /** What negotiators call it there ("2 bis"); null when it is not in the current text. */
  label: string | null
  title: string
  hits: SearchHit[]
}

/** The answer of GET .../search. */
export interface SearchResults {
  query: string
  /** Which text was searched: 'current' or a closed round's id. */
  round: string
  groups: SearchGroup[]
  /** Hits per kind, and whether a kind reached its limit (more exist). */
  counts: Partial<Record<SearchKind, { hits: number; more: boolean }>>
}

/**
 * The words to select when jumping to a hit: from the first marked word to the last, when they
 * are close together (a phrase), else the first marked word; null when nothing is marked.
 */
export function markedSpan(m: Marked, maxChars = 80): string | null {
  const first = m.marks[0]
  const last = m.marks[m.marks.length - 1]
  if (!first || !last) return null
  const end = last[1] - first[0] <= maxChars ? last[1] : first[1]
  return m.text.slice(first[0], end)
}
