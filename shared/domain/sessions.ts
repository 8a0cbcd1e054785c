import { z } from 'zod'

/**
 * Parallel sessions (issue 13): the chair creates a session on a few articles or issues, with a
 * facilitator (or co-facilitators) holding the pen on its own working text, the room
 * `<negotiation>/session/<id>`: a copy of its articles made when it opens, stable ids kept.
 * When it reports back, the chair brings its text into the main text article by article.
 */
export const SESSION_KINDS = [
  'informal-consultations',
  'contact-group',
  'friends-of-the-chair',
] as const
/** A kind of session. */
export type SessionKind = (typeof SESSION_KINDS)[number]

/** How the UI and the outline name each kind ("Art. 2 · in informal consultations"). */
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  'informal-consultations': 'Informal consultations',
  'contact-group': 'Contact group',
  'friends-of-the-chair': 'Friends of the Chair',
}

/** A session's life: scheduled → in session (its text copied) → reported back. */
export const SESSION_STATUSES = ['scheduled', 'in-session', 'reported-back'] as const
/** Where a session stands. */
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** How the board names each status. */
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  'in-session': 'In session',
  'reported-back': 'Reported back',
}

/** What the chair did with one article of a session's text once it reported back. */
export interface SessionOutcome {
  articleId: string
  outcome: 'applied' | 'left'
  at: string
  byAccountId: string
  byName: string
}

/** A session as the board and the session page show it. */
export interface Session {
  id: string
  negotiationId: string
  /** "Friends of the President on Article 2". */
  name: string
  kind: SessionKind
  /** Account ids of the facilitator or co-facilitators: they alone write the session's text. */
  facilitators: string[]
  /** Their display names, in the same order (filled in when read). */
  facilitatorNames: string[]
  /** The articles it covers (stable ids), in the text's order. */
  articleIds: string[]
  /** The issues it covers. */
  issueIds: string[]
  /** The day (YYYY-MM-DD) and local times (HH:MM), each null when not set. */
  day: string | null
  startTime: string | null
  endTime: string | null
  place: string
  /** Open: observers and campaigners (every member) may follow its text. Closed: attendees only. */
  open: boolean
  /** Who may attend a closed session: delegations by actor, and named accounts. */
  attendeeActorIds: string[]
  attendeeAccountIds: string[]
  status: SessionStatus
  /** The round it belongs to (the open round when created). */
  roundId: string | null
  openedAt: string | null
  reportedAt: string | null
  createdAt: string
  createdBy: string
  /** `synthetic` where the demo invented it; `recorded` otherwise. */
  provenance: 'recorded' | 'synthetic'
  /** What became of its articles, per article (the latest entry counts). */
  outcomes: SessionOutcome[]
}

/** The facts the policy decides a session room's access by. */
export interface SessionFacts {
  facilitators: string[]
  attendeeActorIds: string[]
  attendeeAccountIds: string[]
  open: boolean
  status: SessionStatus
}

/** The policy's facts of a session. */
export const sessionFacts = (s: Omit<Session, 'facilitatorNames'>): SessionFacts => ({
  facilitators: s.facilitators,
  attendeeActorIds: s.attendeeActorIds,
  attendeeAccountIds: s.attendeeAccountIds,
  open: s.open,
  status: s.status,
})

/** The sessions of one day (YYYY-MM-DD), by start time; those without a day come last. */
export function sessionsOn(sessions: readonly Session[], day: string): Session[] {
  return sessions
    .filter((s) => s.day === day)
    .sort((a, b) => (a.startTime ?? '99').localeCompare(b.startTime ?? '99'))
}

/**
 * Where an article is being negotiated now: the session in session on it, else the latest
 * scheduled one, else null. For the outline's "Art. 2 · in informal consultations".
 */
export function sessionOnArticle(sessions: readonly Session[], articleId: string): Session | null {
  const on = sessions.filter((s) => s.articleIds.includes(articleId))
  return (
    on.find((s) => s.status === 'in-session') ?? on.find((s) => s.status === 'scheduled') ?? null
  )
}

/** "in informal consultations", "in a contact group", "with the Friends of the Chair". */
export function articleSessionPhrase(s: Pick<Session, 'kind' | 'status'>): string {
  const where =
    s.kind === 'informal-consultations'
      ? 'in informal consultations'
      : s.kind === 'contact-group'
        ? 'in a contact group'
        : 'with the Friends of the Chair'
  return s.status === 'scheduled' ? `to be taken up ${where}` : where
}

const Id = z.string().min(1).max(64)
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM')

// The fields of a session as the chair writes them, without defaults (a change names only some).
const SessionFields = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SESSION_KINDS),
  facilitators: z.array(Id).min(1).max(4),
  articleIds: z.array(Id).max(50),
  issueIds: z.array(Id).max(50),
  day: Day.nullable(),
  startTime: Time.nullable(),
  endTime: Time.nullable(),
  place: z.string().trim().max(200),
  open: z.boolean(),
  attendeeActorIds: z.array(Id).max(400),
  attendeeAccountIds: z.array(Id).max(400),
})

/** POST .../sessions (the chair): a new session, scheduled. */
export const SessionInput = SessionFields.extend({
  articleIds: SessionFields.shape.articleIds.default([]),
  issueIds: SessionFields.shape.issueIds.default([]),
  day: SessionFields.shape.day.default(null),
  startTime: SessionFields.shape.startTime.default(null),
  endTime: SessionFields.shape.endTime.default(null),
  place: SessionFields.shape.place.default(''),
  open: SessionFields.shape.open.default(false),
  attendeeActorIds: SessionFields.shape.attendeeActorIds.default([]),
  attendeeAccountIds: SessionFields.shape.attendeeAccountIds.default([]),
})
export type SessionInput = z.infer<typeof SessionInput>

/** PATCH .../sessions/:sid (the chair): only the fields the body names (no defaults filled). */
export const SessionChange = SessionFields.partial()
export type SessionChange = z.infer<typeof SessionChange>

/** The change an article of a session's text would make to the main text, for the chair. */
export interface SessionArticleChange {
  articleId: string
  /** The article's number and title as the main text has them now ("Article 2 — Definitions"). */
  label: string
  /** Whether the session's wording differs from the main text's. */
  changed: boolean
  /** The article is gone from the main text (nothing to apply it to). */
  missing: boolean
  /** The diff of the main text's wording (before) and the session's (after), as `diff.ts` gives it. */
  diff: unknown
  outcome: SessionOutcome | null
}
