import type { Node } from 'prosemirror-model'
import { cleaningCounts, type CleaningCounts } from '../../../shared/domain/brackets'
import { outlineOf } from '../../../shared/domain/numbering'
import { textSources, type HistoryContext } from '../history/texts'
import { yieldToOthers } from '../work/slices'

/** An article as the articles API lists it: label and number, id, title, what cleaning left. */
export interface ArticleCleaning extends CleaningCounts {
  /** The ordinal in its instrument (order), from 1. */
  number: number
  /** What negotiators call it ("2 bis"). */
  label: string
  id: string
  title: string
  instrument: string
  bracketed: boolean
}

/** The articles of a text with their brackets and option blocks, and the text's totals. */
export function articlesWithCleaning(doc: Node): {
  articles: ArticleCleaning[]
  totals: CleaningCounts
} {
  const articles = outlineOf(doc).map((a): ArticleCleaning => {
    const node = doc.nodeAt(a.pos)
    const counts = node ? cleaningCounts(node) : { brackets: 0, options: 0 }
    return {
      number: a.number,
      label: a.label,
      id: a.id,
      title: a.title,
      instrument: a.instrument,
      bracketed: a.bracketed,
      ...counts,
    }
  })
  // The whole text's, preamble included: a span across articles counts once.
  return { articles, totals: cleaningCounts(doc) }
}

/** One text's totals in the per-round table: a closed round's frozen text, or the live one. */
export interface TextCleaning extends CleaningCounts {
  /** The round whose close froze it; null for the live text. */
  roundId: string | null
  name: string
  closedAt: string | null
  articles: number
}

/**
 * Brackets and option blocks in each closed round's frozen text, in round order, then now. The
 * texts are read and converted one at a time, so that memory holds one text, not every round's.
 */
export async function cleaningByRound(ctx: HistoryContext): Promise<TextCleaning[]> {
  const out: TextCleaning[] = []
  for (const source of await textSources(ctx)) {
    const doc = await source.doc()
    let articles = 0
    doc.forEach((n) => {
      if (n.type.name === 'article') articles += 1
    })
    out.push({
      roundId: source.meta.roundId,
      name: source.meta.name,
      closedAt: source.meta.closedAt,
      articles,
      ...cleaningCounts(doc),
    })
    // Each text is converted whole; let waiting requests through between them.
    await yieldToOthers()
  }
  return out
}
