import type { EventType, NegotiationEvent } from '../../../shared/domain/events'
import { yieldToOthers } from '../work/slices'
import type { Storage } from '../storage/Storage'

/** The most events one report reads: a busy day of a conference is a few hundred. */
export const REPORT_MAX_EVENTS = 2000

// Events that change the words of the text: a baseline older than the report's start is exact
// only if none of these happened in between.
const TEXT_EVENTS: readonly EventType[] = [
  'text-edited',
  'article-added',
  'article-moved',
  'article-renamed',
  'article-deleted',
  'proposal-decided',
]
const BATCH = 500

/**
 * The events at or after `since` that `shown` keeps, newest `max` of them in log order, and
 * whether older ones in the period were left out. Reads the log backwards in batches and stops
 * at the first event before `since`.
 */
export async function eventsSince(
  storage: Storage,
  negotiationId: string,
  since: string,
  shown: (e: NegotiationEvent) => boolean,
  max: number = REPORT_MAX_EVENTS,
): Promise<{ events: NegotiationEvent[]; cut: boolean }> {
  const found: NegotiationEvent[] = []
  let before: number | undefined
  for (;;) {
    const rows = await storage.events.list(negotiationId, {
      beforeSeq: before,
      newestFirst: true,
      limit: BATCH,
    })
    for (const e of rows) {
      if (e.at < since) return { events: found.reverse(), cut: false }
      if (!shown(e)) continue
      if (found.length === max) return { events: found.reverse(), cut: true }
      found.push(e)
    }
    const last = rows[rows.length - 1]
    if (rows.length < BATCH || !last) return { events: found.reverse(), cut: false }
    before = last.seq
    await yieldToOthers()
  }
}

const changesWords = (e: NegotiationEvent) =>
  e.type !== 'proposal-decided' || e.data.to === 'incorporated'

/**
 * How many events changed the text's words between `from` (exclusive) and `to` (inclusive), or
 * null when more than `max` batches would have to be read to know (treated as "some").
 */
export async function textEventsBetween(
  storage: Storage,
  negotiationId: string,
  from: string,
  to: string,
  maxBatches = 10,
): Promise<number | null> {
  let n = 0
  let before: number | undefined
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await storage.events.list(negotiationId, {
      types: TEXT_EVENTS,
      beforeSeq: before,
      newestFirst: true,
      limit: BATCH,
    })
    for (const e of rows) {
      if (e.at <= from) return n
      if (e.at <= to && changesWords(e)) n++
    }
    const last = rows[rows.length - 1]
    if (rows.length < BATCH || !last) return n
    before = last.seq
    await yieldToOthers()
  }
  return null
}

/**
 * When the live text last changed, by the log (an edit, an article's change, an incorporation),
 * or null when nothing but its import is on record.
 */
export async function lastTextChange(
  storage: Storage,
  negotiationId: string,
): Promise<string | null> {
  let before: number | undefined
  for (let batch = 0; batch < 10; batch++) {
    const rows = await storage.events.list(negotiationId, {
      types: TEXT_EVENTS,
      beforeSeq: before,
      newestFirst: true,
      limit: 50,
    })
    // The demo's synthetic decisions never touched the live text, which was imported as it is.
    const hit = rows.find((e) => changesWords(e) && e.data.synthetic !== true)
    if (hit) return hit.at
    const last = rows[rows.length - 1]
    if (rows.length < 50 || !last) return null
    before = last.seq
  }
  return null
}
