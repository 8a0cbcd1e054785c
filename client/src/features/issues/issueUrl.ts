import { useSyncExternalStore } from 'react'
import { requestJump } from '../search/searchStore'
import { navigateTo } from '../../useRoute'

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange)
  return () => window.removeEventListener('popstate', onChange)
}

/** A query parameter of the address bar (?issue=, ?round=), re-rendering when it changes. */
export function useQueryParam(name: string): string | null {
  return useSyncExternalStore(subscribe, () =>
    new URLSearchParams(window.location.search).get(name),
  )
}

/** Sets query parameters (null removes one), as a new history entry unless `replace`. */
export function setQueryParams(params: Record<string, string | null>, replace = false): void {
  const url = new URL(window.location.href)
  for (const [k, v] of Object.entries(params)) {
    if (v === null) url.searchParams.delete(k)
    else url.searchParams.set(k, v)
  }
  const to = url.pathname + url.search
  if (replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** The address of an issue on the issues page. */
export const issueHref = (negotiationId: string, issueId: string) =>
  `/n/${encodeURIComponent(negotiationId)}/issues?issue=${encodeURIComponent(issueId)}`

/** Opens the issues page at an issue (from the text page's links). */
export function openIssue(negotiationId: string, issueId: string): void {
  window.history.pushState(null, '', issueHref(negotiationId, issueId))
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** Opens the text at an article (scrolled to it once the editor is ready). */
export function openArticle(negotiationId: string, articleId: string): void {
  requestJump({
    kind: 'text',
    id: articleId,
    title: { text: '', marks: [] },
    snippet: { text: '', marks: [] },
    jump: { articleId, clause: null, quote: null },
  })
  navigateTo({ page: 'negotiation', id: negotiationId, view: 'text' })
}

/** Opens the text at a proposal's card. */
export function openProposal(negotiationId: string, proposalId: string, articleId: string | null) {
  requestJump({
    kind: 'proposals',
    id: proposalId,
    title: { text: '', marks: [] },
    snippet: { text: '', marks: [] },
    jump: { articleId, clause: null, quote: null },
  })
  navigateTo({ page: 'negotiation', id: negotiationId, view: 'text' })
}
