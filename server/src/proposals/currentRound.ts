import type { Round } from '../../../shared/domain/rounds'

/** Today as YYYY-MM-DD (UTC), the form of round dates. */
export const today = (): string => new Date().toISOString().slice(0, 10)

/**
 * The round positions and decisions belong to by default: the one whose dates include `date`,
 * else the latest that has started, else null (rounds are managed in a later issue).
 */
export function currentRound(rounds: readonly Round[], date: string = today()): Round | null {
  const running = rounds.find((r) => r.startDate <= date && date <= r.endDate)
  if (running) return running
  const started = rounds.filter((r) => r.startDate <= date)
  return started.reduce<Round | null>(
    (latest, r) => (latest === null || r.startDate >= latest.startDate ? r : latest),
    null,
  )
}
