import type { EventType } from '../../../shared/domain/events'
import { outlineOf } from '../../../shared/domain/numbering'
import { can } from '../../../shared/domain/policy'
import { sessionEventData } from '../../../shared/domain/sessionText'
import { z } from 'zod'
import { SessionChange, SessionInput, type Session } from '../../../shared/domain/sessions'
import { CloseCode } from '../../../shared/collab'
import { newEvent } from '../history/events'
import { freeSlug, slugify } from '../negotiations/slug'
import type { StorageTransaction } from '../storage/Storage'
import type { StoredSession } from '../storage/SessionStore'
import {
  docOf,
  done,
  notFound,
  refuse,
  sessionRoom,
  textRoom,
  withNames,
  withNamesOne,
  type SessionContext,
  type SessionResult,
} from './context'

/** GET .../sessions: every session of the negotiation (the board), for every member. */
export async function listSessions(ctx: SessionContext): Promise<Session[]> {
  return withNames(ctx.storage, await ctx.storage.sessions.list(ctx.negotiationId))
}

/** GET .../sessions/:sid: one session, or session_not_found. */
export async function getSession(ctx: SessionContext, id: string): Promise<SessionResult<Session>> {
  const s = await ctx.storage.sessions.get(ctx.negotiationId, id)
  return s ? done(await withNamesOne(ctx.storage, s)) : notFound(id)
}

/** A new session as the chair sends it: the input, and an id of its own if wanted. */
const NewSession = SessionInput.extend({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes')
    .optional(),
})

// A body read with a schema, or invalid_request naming the first problem.
function readBody<T extends z.ZodType>(schema: T, body: unknown): SessionResult<z.infer<T>> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return done(result.data)
  const issue = result.error.issues[0]
  const where = issue?.path.join('.') || 'body'
  return refuse('invalid_request', `${where}: ${issue?.message ?? 'invalid'}`)
}

// Only the fields the body names: `SessionInput.partial()` still fills the input's defaults in
// (an empty list of articles, closed), which a change of one field must not write.
function sent(change: SessionChange, body: unknown): SessionChange {
  const named = new Set(Object.keys(body ?? {}))
  return Object.fromEntries(
    Object.entries(change).filter(([key]) => named.has(key)),
  ) as SessionChange
}

const forbidden = (ctx: SessionContext) => {
  const decision = can(ctx.principal, { type: 'manage-sessions' })
  return decision.ok ? null : refuse('forbidden', decision.reason)
}

/**
 * Checks a session's facilitators (members of the negotiation), articles (in the main text now:
 * answered in the text's order) and issues (existing); answers the article ids ordered.
 */
async function checked(
  ctx: SessionContext,
  fields: Pick<SessionInput, 'facilitators' | 'articleIds' | 'issueIds'>,
): Promise<SessionResult<string[]>> {
  for (const id of fields.facilitators) {
    if (!(await ctx.storage.members.get(ctx.negotiationId, id))) {
      return refuse('unknown_facilitator', `No member "${id}" in this negotiation to facilitate.`)
    }
  }
  const order = await ctx.registry.read(textRoom(ctx.negotiationId), (ydoc) =>
    outlineOf(docOf(ydoc)).map((a) => a.id),
  )
  const unknown = fields.articleIds.find((id) => !order.includes(id))
  if (unknown !== undefined) {
    return refuse('unknown_article', `No article "${unknown}" in the text.`)
  }
  for (const id of fields.issueIds) {
    if (!(await ctx.storage.issues.get(ctx.negotiationId, id))) {
      return refuse('unknown_issue', `No issue "${id}" in this negotiation.`)
    }
  }
  const wanted = new Set(fields.articleIds)
  return done(order.filter((id) => wanted.has(id)))
}

/** Appends a session event in a transaction: its data says which session, kind and day. */
export async function appendSessionEvent(
  ctx: SessionContext,
  tx: StorageTransaction,
  type: EventType,
  session: Session,
  extra: {
    articleId?: string
    at?: string
    /** By default the session's round; a change of the text belongs to the round it is made in. */
    roundId?: string | null
    data?: Record<string, unknown>
  } = {},
): Promise<void> {
  await tx.events.append(
    newEvent({
      negotiationId: ctx.negotiationId,
      type,
      at: extra.at,
      accountId: ctx.principal.accountId,
      byName: ctx.byName,
      roundId: extra.roundId === undefined ? session.roundId : extra.roundId,
      articleId: extra.articleId ?? null,
      data: { ...sessionEventData(session), ...extra.data },
    }),
  )
}

/**
 * POST .../sessions (the chair): a new session, scheduled, in the open round; its id is the one
 * given or a free slug of its name.
 */
export async function createSession(
  ctx: SessionContext,
  body: unknown,
): Promise<SessionResult<Session>> {
  const refused = forbidden(ctx)
  if (refused) return refused
  const parsed = readBody(NewSession, body)
  if (!parsed.ok) return parsed
  const input = parsed.value
  return ctx.queue.run(ctx.negotiationId, async () => {
    const articles = await checked(ctx, input)
    if (!articles.ok) return articles
    const taken = async (id: string) => !!(await ctx.storage.sessions.get(ctx.negotiationId, id))
    if (input.id !== undefined && (await taken(input.id))) {
      return refuse('session_taken', `A session "${input.id}" exists already.`)
    }
    const base = slugify(input.name)
    const id = input.id ?? (await freeSlug(base === 'negotiation' ? 'session' : base, taken))
    const rounds = await ctx.storage.rounds.list(ctx.negotiationId)
    const at = new Date().toISOString()
    const stored: StoredSession = {
      ...input,
      id,
      negotiationId: ctx.negotiationId,
      articleIds: articles.value,
      status: 'scheduled',
      roundId: rounds.find((r) => r.status === 'open')?.id ?? null,
      openedAt: null,
      reportedAt: null,
      createdAt: at,
      createdBy: ctx.principal.accountId,
      provenance: 'recorded',
      outcomes: [],
    }
    const session = await withNamesOne(ctx.storage, stored)
    let created = true
    await ctx.storage.atomically(async (tx) => {
      created = (await tx.sessions.create(stored)).ok
      if (created) await appendSessionEvent(ctx, tx, 'session-created', session, { at })
    })
    if (!created) return refuse('session_taken', `A session "${id}" exists already.`)
    return done(session)
  })
}

/**
 * PATCH .../sessions/:sid (the chair): any of its fields; its articles only while it is
 * scheduled (its text is copied when it opens). Once open, its room's connections reconnect so
 * that changed facilitators, attendees or openness take effect at once.
 */
export async function changeSession(
  ctx: SessionContext,
  id: string,
  body: unknown,
): Promise<SessionResult<Session>> {
  const refused = forbidden(ctx)
  if (refused) return refused
  const parsed = readBody(SessionChange, body)
  if (!parsed.ok) return parsed
  const change = sent(parsed.value, body)
  const answer = await ctx.queue.run(ctx.negotiationId, async () => {
    const s = await ctx.storage.sessions.get(ctx.negotiationId, id)
    if (!s) return notFound(id)
    if (change.articleIds !== undefined && s.status !== 'scheduled') {
      return refuse('session_not_scheduled', 'A session’s articles change only before it opens.')
    }
    const next: StoredSession = { ...s, ...change }
    const articles = await checked(ctx, {
      facilitators: change.facilitators ?? [],
      articleIds: change.articleIds ?? [],
      issueIds: change.issueIds ?? [],
    })
    if (!articles.ok) return articles
    if (change.articleIds !== undefined) next.articleIds = articles.value
    const session = await withNamesOne(ctx.storage, next)
    await ctx.storage.atomically(async (tx) => {
      await tx.sessions.update(next)
      await appendSessionEvent(ctx, tx, 'session-changed', session, {
        data: { fields: Object.keys(change).sort() },
      })
    })
    return done(session)
  })
  if (answer.ok && answer.value.status !== 'scheduled') {
    await ctx.registry.closeRoom(
      sessionRoom(ctx.negotiationId, id),
      CloseCode.MembershipChanged,
      'The session changed; reconnecting with its new access.',
    )
  }
  return answer
}
