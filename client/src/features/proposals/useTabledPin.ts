import { useCallback, useState } from 'react'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import type { Proposal } from '../../../../shared/domain/proposals'

/** A proposal this person has just tabled, shown highlighted with a confirmation line. */
export interface JustTabled {
  proposal: Proposal
  /** The article of the panel: the proposal's, until the cursor goes elsewhere. */
  article: ArticleSummary
}

/**
 * Keeps the proposals panel on the article of a proposal just tabled: the panel follows the
 * cursor, which may be nowhere (a reader's text) or elsewhere, so until the cursor moves the
 * panel shows the tabled proposal's article with that proposal highlighted.
 */
export function useTabledPin(
  articles: readonly ArticleSummary[],
  current: ArticleSummary | null,
): {
  article: ArticleSummary | null
  justTabled: JustTabled | null
  pin: (proposal: Proposal) => void
} {
  const [pinned, setPinned] = useState<{ proposal: Proposal; since: string | null } | null>(null)
  const pin = useCallback(
    (proposal: Proposal) => setPinned({ proposal, since: current?.id ?? null }),
    [current],
  )
  const article = articles.find((a) => a.id === pinned?.proposal.articleId) ?? null
  // The pin holds while the cursor stays where it was when the proposal was tabled.
  if (!pinned || !article || (current?.id ?? null) !== pinned.since) {
    return { article: current, justTabled: null, pin }
  }
  return { article, justTabled: { proposal: pinned.proposal, article }, pin }
}
