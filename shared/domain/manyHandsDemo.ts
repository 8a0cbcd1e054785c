import { z } from 'zod'
import { isDelegationGroupId, isValidStoredGroupId } from './groups'
import { SESSION_KINDS } from './sessions'
import { PROVENANCES } from './stances/types'

// The demo's many hands (issue 13), fixtures/many-hands.json: a coalition with its sourced
// members, a session the demo invents, and a delegation's invented private notes. What is
// invented says so: a session is always `synthetic`, and a note carries the tag `synthetic` and
// the words of `SYNTHETIC_NOTE_MARK` (an annotation has no provenance field of its own).

/** The words every invented note's body carries, so that a reader sees it is not real. */
export const SYNTHETIC_NOTE_MARK = '(synthetic demo note)'
/** The tag every invented note carries. */
export const SYNTHETIC_TAG = 'synthetic'

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a-z, 0-9 and -, at most 64')
const actorId = z.string().regex(/^([A-Z]{3}|[a-z][a-z0-9-]{0,31})$/, 'an actor id: FRA or cmc')
const username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'a demo account username')
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')

/** A coalition and its members per round (null: from the start), with where that comes from. */
export const DemoCoalitionSchema = z
  .object({
    id: z.string().refine(isValidStoredGroupId, 'a stored group id, not "delegation-…"'),
    name: z.string().trim().min(1).max(200),
    provenance: z.enum(PROVENANCES),
    source: z.string().trim().max(2000),
    memberships: z
      .array(z.object({ roundId: id.nullable(), actorIds: z.array(actorId).min(1) }).strict())
      .min(1),
  })
  .strict()
  .refine((c) => c.provenance !== 'reported' || c.source !== '', {
    message: 'a reported coalition names its source',
    path: ['source'],
  })

/**
 * A session the demo invents (no source records the demo's sessions): always `synthetic`.
 * Facilitators and attending accounts are demo usernames; `status: in-session` opens it (its
 * text copied) on the first start.
 */
export const DemoSessionSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(200),
    kind: z.enum(SESSION_KINDS),
    facilitators: z.array(username).min(1).max(4),
    articleIds: z.array(id).max(50),
    issueIds: z.array(id).max(50),
    day: day.nullable(),
    startTime: time.nullable(),
    endTime: time.nullable(),
    place: z.string().trim().max(200),
    open: z.boolean(),
    attendeeActorIds: z.array(actorId).max(400),
    attendeeUsernames: z.array(username).max(400),
    status: z.enum(['scheduled', 'in-session']),
    provenance: z.literal('synthetic'),
  })
  .strict()

/** A private note of a delegation's notes room, on words of one article; invented, and says so. */
export const DemoNoteSchema = z
  .object({
    id: z.string().regex(/^n-[a-z0-9-]{1,60}$/, 'n-…'),
    groupId: z.string().refine(isDelegationGroupId, 'a delegation group: delegation-<actor>'),
    articleId: id,
    /** Words found exactly once in the article, as `resolveQuote` finds them. */
    quote: z.string().min(1).max(500),
    body: z.string().trim().min(1).max(5000),
    tags: z.array(z.string().trim().min(1).max(40)).max(12),
    /** The demo username that wrote it: a delegate of the delegation's actor. */
    author: username,
    createdAt: z.iso.datetime(),
  })
  .strict()
  .refine((n) => n.tags.includes(SYNTHETIC_TAG) && n.body.includes(SYNTHETIC_NOTE_MARK), {
    message: `an invented note carries the tag "${SYNTHETIC_TAG}" and says "${SYNTHETIC_NOTE_MARK}"`,
    path: ['body'],
  })

/** fixtures/many-hands.json */
export const ManyHandsDemoSchema = z
  .object({
    _source: z.string().optional(),
    negotiationId: id,
    coalitions: z.array(DemoCoalitionSchema),
    sessions: z.array(DemoSessionSchema),
    notes: z.array(DemoNoteSchema),
  })
  .strict()
  .superRefine((f, ctx) => {
    const taken = (what: 'coalitions' | 'sessions' | 'notes', ids: string[]) => {
      const seen = new Set<string>()
      ids.forEach((i, n) => {
        if (seen.has(i))
          ctx.addIssue({ code: 'custom', path: [what, n, 'id'], message: `"${i}" twice` })
        seen.add(i)
      })
    }
    taken(
      'coalitions',
      f.coalitions.map((c) => c.id),
    )
    taken(
      'sessions',
      f.sessions.map((s) => s.id),
    )
    taken(
      'notes',
      f.notes.map((n) => n.id),
    )
  })
/** Parsed contents of fixtures/many-hands.json. */
export type ManyHandsDemo = z.infer<typeof ManyHandsDemoSchema>
