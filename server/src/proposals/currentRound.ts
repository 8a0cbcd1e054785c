import type { Round, RoundStatus } from '../../../shared/domain/rounds'

/** Today as YYYY-MM-DD (UTC), the form of round dates. */
export const today = (): string => new Date().toISOString().slice(0, 10)

/**
 * The round positions, decisions and events belong to by default: the open round if the chair
 * has opened one; else the one whose dates include `date`, else the latest that has started,
 * else null.
 */
export function currentRound<R extends Round & { status?: RoundStatus }>(
  rounds: readonly R[],
  date: string = today(),
): R | null {
  const open = rounds.find((r) => r.status === 'open')
  if (open) return open
  const running = rounds.find((r) => r.startDate <= date && date <= r.endDate)
  if (running) return running
  const started = rounds.filter((r) => r.startDate <= date)
  return started.reduce<R | null>(
    (latest, r) => (latest === null || r.startDate >= latest.startDate ? r : latest),
    null,
  )
}
