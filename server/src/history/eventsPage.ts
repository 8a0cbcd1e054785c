import type { EventFilter, NegotiationEvent } from '../../../shared/domain/events'
import { draftAccess } from '../proposals/visibility'
import { yieldToOthers } from '../work/slices'
import type { HistoryContext } from './texts'

/** How many events a page holds unless the caller asks for fewer (or more, up to the route's cap). */
export const EVENTS_PAGE = 1000

/** One page of the log as the caller may read it, and the `after` of the next page (or null). */
export interface EventsPage {
  events: NegotiationEvent[]
  next: number | null
}

/**
 * The caller's page of the event log: up to `limit` events after `filter.afterSeq` that the
 * caller may see (events about another delegation's drafts stay as private as the drafts). Reads
 * the log in pages of `limit` until the page is full, so that hidden events never leave it short.
 */
export async function eventsPage(
  ctx: HistoryContext,
  filter: Omit<EventFilter, 'limit'>,
  limit: number = EVENTS_PAGE,
): Promise<EventsPage> {
  const proposals = await ctx.storage.proposals.list(ctx.negotiationId)
  const hidden = new Set(
    proposals.filter((p) => draftAccess(ctx.principal, p) === 'none').map((p) => p.id),
  )
  const events: NegotiationEvent[] = []
  let after = filter.afterSeq
  for (;;) {
    const rows = await ctx.storage.events.list(ctx.negotiationId, {
      ...filter,
      afterSeq: after,
      limit,
    })
    for (const e of rows) {
      if (e.proposalId !== null && hidden.has(e.proposalId)) continue
      events.push(e)
      if (events.length === limit) return { events, next: e.seq }
    }
    const last = rows[rows.length - 1]
    if (rows.length < limit || !last) return { events, next: null }
    after = last.seq
    // Each batch is read in one go; let waiting requests through before the next.
    await yieldToOthers()
  }
}

/**
 * The newest `max` events matching `filter` that `shown` keeps, in log order, and whether older
 * ones are kept too. Reads the log backwards in batches of `max`, never all of it.
 */
export async function newestEvents(
  ctx: HistoryContext,
  filter: Omit<EventFilter, 'limit' | 'beforeSeq' | 'newestFirst'>,
  shown: (e: NegotiationEvent) => boolean,
  max: number,
): Promise<{ events: NegotiationEvent[]; older: boolean }> {
  const found: NegotiationEvent[] = []
  let before: number | undefined
  for (;;) {
    const rows = await ctx.storage.events.list(ctx.negotiationId, {
      ...filter,
      beforeSeq: before,
      newestFirst: true,
      limit: max,
    })
    for (const e of rows) {
      if (!shown(e)) continue
      if (found.length === max) return { events: found.reverse(), older: true }
      found.push(e)
    }
    const last = rows[rows.length - 1]
    if (rows.length < max || !last) return { events: found.reverse(), older: false }
    before = last.seq
    await yieldToOthers()
  }
}
