import type { ArticleSummary } from '../../../shared/domain/numbering'
import { groupsOf, roomAccess, type Principal } from '../../../shared/domain/policy'
import {
  ftsQuery,
  parseMarked,
  type SearchKind,
  type SearchParams,
} from '../../../shared/domain/search/query'
import {
  markedSpan,
  type SearchGroup,
  type SearchHit,
  type SearchResults,
} from '../../../shared/domain/search/results'
import { notesAudience, searchScope, type SearchScope } from '../../../shared/domain/search/scope'
import { hasBeenTabled } from '../proposals/visibility'
import type { SearchMatch, SearchSource } from '../storage/SearchStore'
import type { Storage } from '../storage/Storage'
import type { SearchIndexer } from './SearchIndexer'

/** Who searches which negotiation, with what. */
export interface SearchContext {
  storage: Storage
  indexer: SearchIndexer
  principal: Principal
  negotiationId: string
}

/**
 * The scope widened to the notes of every group the principal is in (a delegate's delegation
 * and coalitions, issue 13), each only if the policy opens its notes room to them: nobody
 * else's group is ever added.
 */
function withOwnGroupsNotes(
  principal: Principal,
  negotiationId: string,
  scope: SearchScope,
): SearchScope {
  const more = groupsOf(principal).filter(
    (key) =>
      !scope.notesGroups.includes(key) &&
      roomAccess(principal, { negotiationId, kind: 'notes', key }) !== 'none',
  )
  if (more.length === 0) return scope
  return {
    ...scope,
    notesGroups: [...scope.notesGroups, ...more],
    audiences: [...scope.audiences, ...more.map(notesAudience)],
  }
}

/** The results, or why there are none: a round that has no frozen text to search. */
export type SearchOutcome =
  { ok: true; value: SearchResults } | { ok: false; code: 'round_not_found'; message: string }

/**
 * Searches what the principal may read: brings the sources it asks for up to date, then asks
 * the index for each kind with the principal's audiences (so that nothing it may not read is
 * ever matched), and groups the hits by article in the current text's order.
 */
export async function searchNegotiation(
  ctx: SearchContext,
  params: SearchParams,
): Promise<SearchOutcome> {
  const { storage, indexer, negotiationId } = ctx
  const proposals = await storage.proposals.list(negotiationId)
  const scope = withOwnGroupsNotes(
    ctx.principal,
    negotiationId,
    searchScope(
      ctx.principal,
      negotiationId,
      proposals.map((p) => ({
        id: p.id,
        sponsors: [...p.sponsors, ...p.coSponsors],
        tabled: hasBeenTabled(p),
      })),
    ),
  )
  const kinds = params.kinds.filter((k) => scope.kinds.includes(k))
  if (params.round !== 'current' && !(await indexer.frozenText(negotiationId, params.round))) {
    return {
      ok: false,
      code: 'round_not_found',
      message: `No closed round "${params.round}" with a frozen text in this negotiation.`,
    }
  }
  const outline = await indexer.currentText(negotiationId)
  const match = ftsQuery(params.q)
  const empty: SearchResults = { query: params.q, round: params.round, groups: [], counts: {} }
  if (match === null) return { ok: true, value: empty }

  const sources: Record<SearchKind, SearchSource[]> = {
    text: [`text:${params.round}`],
    proposals: ['proposals'],
    positions: ['proposals'],
    events: ['events'],
    notes: scope.notesGroups.map((g) => `notes:${g}`),
  }
  if (kinds.includes('proposals') || kinds.includes('positions')) {
    await indexer.proposals(negotiationId, proposals)
  }
  if (kinds.includes('events')) await indexer.events(negotiationId, proposals)
  if (kinds.includes('notes')) {
    for (const g of scope.notesGroups) await indexer.notes(negotiationId, g)
  }

  const counts: SearchResults['counts'] = {}
  const hits: SearchHit[] = []
  // How a frozen text called an article the current text no longer has.
  const labels = new Map<string, string>()
  for (const kind of kinds) {
    const found = await storage.search.search(negotiationId, {
      match,
      kind,
      sources: sources[kind],
      audiences: scope.audiences,
      limit: params.limit + 1,
    })
    counts[kind] = { hits: Math.min(found.length, params.limit), more: found.length > params.limit }
    for (const m of found.slice(0, params.limit)) {
      if (m.articleId && m.label) labels.set(m.articleId, m.label)
      hits.push(toHit(m))
    }
  }
  return { ok: true, value: { ...empty, groups: groupByArticle(hits, outline, labels), counts } }
}

function toHit(m: SearchMatch): SearchHit {
  const snippet = parseMarked(m.snippet)
  const title = parseMarked(m.title)
  return {
    kind: m.kind,
    id: m.refId,
    title,
    snippet,
    jump: {
      articleId: m.articleId,
      clause: m.clause,
      quote: m.kind === 'text' ? (markedSpan(snippet) ?? markedSpan(title)) : null,
    },
  }
}

// Articles in the current text's order; articles it no longer has, then hits on no article, last.
function groupByArticle(
  hits: readonly SearchHit[],
  outline: readonly ArticleSummary[],
  labels: ReadonlyMap<string, string>,
): SearchGroup[] {
  const order = new Map(outline.map((a, i) => [a.id, i]))
  const groups = new Map<string | null, SearchGroup>()
  for (const hit of hits) {
    const id = hit.jump.articleId
    let group = groups.get(id)
    if (!group) {
      const article = id === null ? undefined : outline[order.get(id) ?? -1]
      group = {
        articleId: id,
        number: article?.number ?? null,
        label: article?.label ?? null,
        title: article?.title ?? (id === null ? '' : (labels.get(id) ?? '')),
        hits: [],
      }
      groups.set(id, group)
    }
    group.hits.push(hit)
  }
  const rank = (g: SearchGroup) =>
    g.articleId === null ? Infinity : (order.get(g.articleId) ?? outline.length)
  return [...groups.values()].sort((a, b) => rank(a) - rank(b))
}
