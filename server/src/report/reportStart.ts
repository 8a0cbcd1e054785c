import type { ReportSince } from '../../../shared/domain/report/types'
import { formatDay } from '../../../shared/domain/export'
import { HttpError } from '../http/errors'
import type { Storage } from '../storage/Storage'

/** Where a report starts: the moment, how to say it, and the round whose text it starts from. */
export interface ReportStart {
  kind: ReportSince['kind']
  at: string
  label: string
  /** For `round:<id>`: that round, whose frozen text is the exact baseline. */
  roundId: string | null
}

// Without an earlier visit on record, "since my last visit" means the last day.
const DAY_MS = 24 * 60 * 60 * 1000

const timeLabel = (iso: string) => `${formatDay(iso)}, ${iso.slice(11, 16)} UTC`

/**
 * The start of a report from `?since=`: the time given, the reader's previous visit (or the last
 * 24 hours when none is recorded), or a closed round's close. 404/409 for a round that is not
 * there or not closed.
 */
export async function reportStart(
  storage: Storage,
  negotiationId: string,
  accountId: string,
  since: ReportSince,
  now: Date,
): Promise<ReportStart> {
  if (since.kind === 'time') {
    return { kind: 'time', at: since.at, label: `Since ${timeLabel(since.at)}`, roundId: null }
  }
  if (since.kind === 'last-visit') {
    const last = await storage.visits.last(negotiationId, accountId)
    if (last) {
      return {
        kind: 'last-visit',
        at: last,
        label: `Since your last visit (${timeLabel(last)})`,
        roundId: null,
      }
    }
    const at = new Date(now.getTime() - DAY_MS).toISOString()
    return {
      kind: 'last-visit',
      at,
      label: `In the last 24 hours (no earlier visit of yours is recorded), since ${timeLabel(at)}`,
      roundId: null,
    }
  }
  const round = (await storage.rounds.list(negotiationId)).find((r) => r.id === since.roundId)
  if (!round)
    throw new HttpError(404, 'unknown_round', `No round "${since.roundId}" in this negotiation.`)
  if (round.closedAt === null || round.snapshotName === null) {
    throw new HttpError(
      409,
      'round_not_closed',
      `"${round.name}" has no frozen text yet; choose a closed round or a time.`,
    )
  }
  return {
    kind: 'round',
    at: round.closedAt,
    label: `Since the ${round.snapshotName} (${round.name}, closed ${formatDay(round.closedAt)})`,
    roundId: round.id,
  }
}
