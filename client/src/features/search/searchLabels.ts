import type { SearchKind } from '../../../../shared/domain/search/query'
import type { SearchGroup, SearchHit } from '../../../../shared/domain/search/results'

/** The filter's name of each kind. */
export const KIND_LABELS: Record<SearchKind, string> = {
  text: 'Text',
  proposals: 'Proposals',
  positions: 'Positions',
  notes: 'Notes',
  events: 'History',
}

/** What a hit is, in a word or two before its snippet. */
export const hitLabel = (hit: SearchHit): string =>
  hit.kind === 'text'
    ? hit.jump.clause === null
      ? 'Heading'
      : `Paragraph ${hit.jump.clause + 1}`
    : KIND_LABELS[hit.kind].replace(/s$/, '').replace(/^History$/, 'Event')

/** A group's heading: "Art. 2 Definitions", or where hits on no article go. */
export const groupLabel = (g: SearchGroup): string =>
  g.articleId === null
    ? 'Not on an article'
    : g.number === null
      ? `${g.title || g.articleId} (not in the current text)`
      : `Art. ${g.label ?? g.number}${g.title ? ` ${g.title}` : ''}`
