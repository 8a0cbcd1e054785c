/**
 * Presence at conference scale (issue 15): the server relays the states of those who may write
 * and of the first readers one by one; everyone past that is counted, and the server publishes
 * the counts as an awareness state of its own under the field `room`.
 */

/** How many people a room relays one by one, how often, and how large its summary may grow. */
export const PRESENCE_BOUNDS = {
  /** Read-only connections whose states are relayed one by one; later readers are counted. */
  listedReaders: 30,
  /** Connections that may write whose states are relayed one by one (the chair, sponsors). */
  listedWriters: 100,
  /** A client id's state is relayed at most once per this interval (about 10 per second). */
  relayIntervalMs: 100,
  /** The room's summary is published at most once per this interval, and only when it changed. */
  summaryIntervalMs: 1000,
  /** Articles the summary counts readers in (those with the most; a text has fewer). */
  summaryArticles: 100,
} as const

/** The awareness field of the server's own state that carries the room's summary. */
export const ROOM_SUMMARY_FIELD = 'room'

/** What the server says of the people in a room that it does not relay one by one. */
export interface RoomSummary {
  /** Everyone with a presence in the room, listed or not. */
  present: number
  /** Those not relayed one by one (shown as "and 970 more"). */
  unlisted: number
  /** The unlisted, per article id they are in (those in no article are not in it). */
  articles: Readonly<Record<string, number>>
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The room summary an awareness state carries, or null if it carries none (a person's state)
 * or a malformed one. Only the server can announce the field: it relays no client's `room`.
 */
export function parseRoomSummary(state: unknown): RoomSummary | null {
  if (!isRecord(state)) return null
  const room = state[ROOM_SUMMARY_FIELD]
  if (!isRecord(room) || !isCount(room.present) || !isCount(room.unlisted)) return null
  const articles: Record<string, number> = {}
  if (isRecord(room.articles)) {
    const entries = Object.entries(room.articles).slice(0, PRESENCE_BOUNDS.summaryArticles)
    for (const [id, count] of entries) if (isCount(count) && count > 0) articles[id] = count
  }
  return { present: room.present, unlisted: room.unlisted, articles }
}

/**
 * The summary of the unlisted: how many there are, and how many are in each article (the
 * `summaryArticles` with the most), as the server publishes it in its awareness state.
 */
export function summarize(present: number, unlistedArticles: Iterable<string | null>): RoomSummary {
  const counts = new Map<string, number>()
  let unlisted = 0
  for (const article of unlistedArticles) {
    unlisted += 1
    if (article) counts.set(article, (counts.get(article) ?? 0) + 1)
  }
  const top = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, PRESENCE_BOUNDS.summaryArticles)
  return { present, unlisted, articles: Object.fromEntries(top) }
}

/** Whether two summaries say the same (so that an unchanged one is not published again). */
export function sameSummary(a: RoomSummary | null, b: RoomSummary | null): boolean {
  if (a === null || b === null) return a === b
  if (a.present !== b.present || a.unlisted !== b.unlisted) return false
  const ka = Object.keys(a.articles)
  if (ka.length !== Object.keys(b.articles).length) return false
  return ka.every((id) => a.articles[id] === b.articles[id])
}
