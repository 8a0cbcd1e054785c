import { MONTHS } from '../../../../shared/domain/export/labels'
import { roomAccess, type Principal } from '../../../../shared/domain/policy'
import { sessionFacts, type Session } from '../../../../shared/domain/sessions'

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The days that have sessions, in order. */
export function sessionDays(sessions: readonly Pick<Session, 'day'>[]): string[] {
  return [...new Set(sessions.flatMap((s) => (s.day ? [s.day] : [])))].sort()
}

/**
 * The day the board shows first: today if it has sessions, else the next day that has, else
 * the last day that had, else today.
 */
export function boardDay(sessions: readonly Pick<Session, 'day'>[], today: string): string {
  const days = sessionDays(sessions)
  if (days.includes(today)) return today
  return days.find((d) => d > today) ?? days.at(-1) ?? today
}

/** "22 May" (with the year when asked: "22 May 2026"); anything else as it came. */
export function formatDay(day: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined
  if (!m || !month) return day
  return `${Number(m[3])} ${month}${withYear ? ` ${m[1]}` : ''}`
}

/** "10:00–13:00 · Conference Room 2", as far as they are known. */
export function whenAndWhere(s: Pick<Session, 'startTime' | 'endTime' | 'place'>): string {
  const time =
    s.startTime && s.endTime
      ? `${s.startTime}–${s.endTime}`
      : s.startTime
        ? `from ${s.startTime}`
        : s.endTime
          ? `until ${s.endTime}`
          : ''
  return [time, s.place.trim()].filter(Boolean).join(' · ')
}

/** "the Friends of the President on Article 2" (a name already starting with "the" kept). */
export const theSession = (name: string): string =>
  /^the\s/i.test(name) ? name.replace(/^The\s/, 'the ') : `the ${name}`

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)

/**
 * Where a text came from, as history says it: "from the Friends of the President on Article 2,
 * 22 May" (from the event's data: sessionName and day).
 */
export function sessionSource(data: Record<string, unknown>): string {
  const name = str(data.sessionName)
  const day = str(data.day)
  return `from ${name ? theSession(name) : 'a session'}${day ? `, ${formatDay(day)}` : ''}`
}

/** What a session event did, in a short phrase after its author (history). */
export function describeSessionEvent(type: string, data: Record<string, unknown>): string | null {
  const name = str(data.sessionName)
  const which = name ? theSession(name) : 'a session'
  const day = str(data.day)
  const on = day ? ` (${formatDay(day)})` : ''
  switch (type) {
    case 'session-created':
      return `scheduled ${which}${on}`
    case 'session-changed':
      return `changed ${which}${on}`
    case 'session-opened':
      return `opened ${which}${on}, copying its articles into its own text`
    case 'session-reported':
      return `reported back ${which}${on}`
    case 'session-text-applied':
      return `applied the text ${sessionSource(data)} to the main text`
    case 'session-text-left':
      return `left the text ${sessionSource(data)}; the main text stays as it was`
    default:
      return null
  }
}

/** What this person may do with a session's text: write, read, or nothing. */
export const sessionAccess = (principal: Principal, s: Session) =>
  roomAccess(
    principal,
    { negotiationId: s.negotiationId, kind: 'session', key: s.id },
    undefined,
    sessionFacts(s),
  )
