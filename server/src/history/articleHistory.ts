import type { NegotiationEvent } from '../../../shared/domain/events'
import type { Position, Proposal } from '../../../shared/domain/proposals/types'
import { draftAccess } from '../proposals/visibility'
import { yieldToOthers } from '../work/slices'
import { bracketedVersion } from './bracketedVersion'
import { newestEvents } from './eventsPage'
import {
  CURRENT_TEXT,
  articleNotFound,
  textSources,
  type HistoryContext,
  type VersionJson,
} from './texts'

// Past this many, the page lists the newest and says that earlier ones are in the log.
/** How many of an article's events its history carries at most (the newest). */
export const HISTORY_EVENTS = 1000

/**
 * An article across rounds, followed by its stable id whatever its number: its wording in each
 * closed round's text where it exists and now; the proposals on it (those the caller may see)
 * with their status history and positions; and the events about it. With `actor`, only the
 * proposals that actor sponsors, co-sponsors or took a position on, and that actor's events.
 * At most the newest `HISTORY_EVENTS` events; `olderEvents` says whether there are earlier ones.
 */
export async function articleHistory(ctx: HistoryContext, articleId: string, actor?: string) {
  const versions: VersionJson[] = []
  for (const t of await textSources(ctx)) {
    const v = bracketedVersion(await t.doc(), articleId)
    if (v) versions.push({ ...t.meta, ...v })
    // Each text is converted whole; let waiting requests through between them.
    await yieldToOthers()
  }
  const current = versions.find((v) => v.roundId === null)
  const latest = versions[versions.length - 1]
  if (!latest) throw articleNotFound(articleId)

  const [proposals, positions] = await Promise.all([
    ctx.storage.proposals.list(ctx.negotiationId),
    ctx.storage.proposals.listPositions(ctx.negotiationId),
  ])
  const visible = new Map(
    proposals
      .filter((p) => draftAccess(ctx.principal, p) !== 'none')
      .map((p) => [p.id, p] as const),
  )
  const positionsOf = new Map<string, Position[]>()
  for (const p of positions) {
    const list = positionsOf.get(p.proposalId) ?? []
    list.push(p)
    positionsOf.set(p.proposalId, list)
  }
  const concerns = (p: Proposal) =>
    actor === undefined ||
    p.sponsors.includes(actor) ||
    p.coSponsors.includes(actor) ||
    (positionsOf.get(p.id) ?? []).some((q) => q.actorId === actor)
  const onArticle = [...visible.values()].filter((p) => p.articleId === articleId && concerns(p))
  const shownEvent = (e: NegotiationEvent) => e.proposalId === null || visible.has(e.proposalId)
  const events = await newestEvents(ctx, { articleId, actorId: actor }, shownEvent, HISTORY_EVENTS)
  return {
    article: {
      id: articleId,
      currentNumber: current?.number ?? null,
      currentTitle: current?.title ?? latest.title,
    },
    versions: versions.length > 0 && !current ? [...versions, absentNow()] : versions,
    proposals: onArticle.map((p) => ({ ...p, positions: positionsOf.get(p.id) ?? [] })),
    events: events.events,
    olderEvents: events.older,
  }
}

// A deleted article still has a "current text", in which it is absent.
const absentNow = () => ({
  roundId: null,
  roundName: null,
  snapshotName: null,
  name: CURRENT_TEXT,
  closedAt: null,
  number: null,
  label: null,
  title: '',
  text: '',
  brackets: 0,
  options: 0,
})
