import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import { TEXT_FRAGMENT } from '../../../shared/collab'
import { diffSteps } from '../../../shared/domain/diff'
import { can, roomAccess } from '../../../shared/domain/policy'
import {
  appliedSummary,
  applySessionArticle,
  articleHeading,
  comparableText,
  leftSummary,
} from '../../../shared/domain/sessionText'
import {
  sessionFacts,
  type Session,
  type SessionArticleChange,
  type SessionOutcome,
} from '../../../shared/domain/sessions'
import type { Room } from '../collab/Room'
import { currentRoundId } from '../history/events'
import { commandOrigin, commitAtomically } from '../proposals/commit'
import type { StoredSession } from '../storage/SessionStore'
import { Limiter } from '../work/Limiter'
import { inSlices } from '../work/slices'
import {
  docOf,
  done,
  notFound,
  refuse,
  sessionRoom,
  textRoom,
  withNamesOne,
  type SessionContext,
  type SessionResult,
} from './context'
import { appendSessionEvent } from './sessionCommands'

// A review compares up to 50 articles, each diff bounded and in slices; two run at once, a few
// more wait, the rest are told the server is busy.
const reviews = new Limiter(2, 16)

// One sentence for a session that does not exist and one the caller may not read.
const unreadable = () => refuse('forbidden', 'You may not read this session’s text.')

/** The latest outcome of one article of a session, or null. */
const outcomeOf = (s: StoredSession, articleId: string): SessionOutcome | null =>
  s.outcomes.filter((o) => o.articleId === articleId).at(-1) ?? null

/**
 * One article of a session's text against the main text now: its heading there, whether it
 * differs, the diff of the main text's wording (before) and the session's (after), bounded as
 * every diff is and computed in slices.
 */
async function articleChange(
  s: StoredSession,
  main: Node,
  text: Node,
  articleId: string,
): Promise<SessionArticleChange> {
  const before = comparableText(main, articleId)
  const after = comparableText(text, articleId) ?? ''
  const diff = before === null ? null : await inSlices(diffSteps(before, after))
  return {
    articleId,
    label: articleHeading(main, articleId) ?? articleId,
    changed: before !== after,
    missing: before === null,
    diff,
    outcome: outcomeOf(s, articleId),
  }
}

/**
 * GET .../sessions/:sid/changes (whoever may read the session's room): each of its articles
 * against the main text now. A session that does not exist, or is not open yet, is refused as
 * one the caller may not read.
 */
export async function sessionChanges(
  ctx: SessionContext,
  sessionId: string,
): Promise<SessionResult<SessionArticleChange[]>> {
  const s = await ctx.storage.sessions.get(ctx.negotiationId, sessionId)
  const ref = { negotiationId: ctx.negotiationId, kind: 'session', key: sessionId } as const
  if (!s || roomAccess(ctx.principal, ref, undefined, sessionFacts(s)) === 'none') {
    return unreadable()
  }
  const main = await ctx.registry.read(textRoom(ctx.negotiationId), docOf)
  const text = await ctx.registry.read(sessionRoom(ctx.negotiationId, sessionId), docOf)
  const result = await reviews.run(async () => {
    const changes: SessionArticleChange[] = []
    for (const id of s.articleIds) changes.push(await articleChange(s, main, text, id))
    return changes
  })
  if (!result.ok) {
    return refuse('busy', 'The server is comparing many texts at once; try again in a moment.')
  }
  return done(result.value)
}

/** What apply and leave answer: the session with its outcomes, and the article's change. */
export interface SessionDecision {
  session: Session
  change: SessionArticleChange
}

// The chair's decision on an article of a session that reported back, or why not.
async function decisionFor(
  ctx: SessionContext,
  sessionId: string,
  articleId: string,
): Promise<SessionResult<StoredSession>> {
  const decision = can(ctx.principal, { type: 'manage-sessions' })
  if (!decision.ok) return refuse('forbidden', decision.reason)
  const s = await ctx.storage.sessions.get(ctx.negotiationId, sessionId)
  if (!s) return notFound(sessionId)
  if (!s.articleIds.includes(articleId)) {
    return refuse('article_not_in_session', `This session does not cover “${articleId}”.`)
  }
  if (s.status !== 'reported-back') {
    return refuse(
      'session_not_reported',
      'A session’s text comes into the main text once it has reported back.',
    )
  }
  return done(s)
}

/**
 * POST .../sessions/:sid/articles/:articleId/apply (the chair, once the session reported back):
 * the main text's article (same id, its attributes kept) takes the session's wording, written
 * as a change from the current text in one stored step with its outcome and its
 * `session-text-applied` event naming the session; then every client of the text sees it.
 */
export async function applySessionText(
  ctx: SessionContext,
  sessionId: string,
  articleId: string,
): Promise<SessionResult<SessionDecision>> {
  return ctx.queue.run(ctx.negotiationId, async () => {
    const found = await decisionFor(ctx, sessionId, articleId)
    if (!found.ok) return found
    const s = found.value
    const rooms = [textRoom(ctx.negotiationId), sessionRoom(ctx.negotiationId, sessionId)]
    const applied = await ctx.registry.withRooms(rooms, async ([t, r]) => {
      const [text, room] = [t as Room, r as Room]
      const main = docOf(text.doc)
      const next = applySessionArticle(main, docOf(room.doc), articleId)
      if (!next.ok) {
        return refuse(
          'article_missing',
          next.reason === 'article-missing'
            ? 'The main text no longer has this article: there is nothing to apply it to.'
            : 'The session’s text no longer has this article.',
        )
      }
      const change = await articleChange(s, main, docOf(room.doc), articleId)
      const outcome = outcomeNow(ctx, articleId, 'applied')
      const session = await withNamesOne(ctx.storage, s)
      const roundId = await currentRoundId(ctx.storage, ctx.negotiationId)
      await commitAtomically(
        ctx.storage,
        commandOrigin('apply-session-text'),
        [
          {
            room: text,
            // Written as a change from the current text, so that the rest of it stays as it is.
            change: (doc) =>
              void prosemirrorToYXmlFragment(next.doc, doc.getXmlFragment(TEXT_FRAGMENT)),
          },
        ],
        async (tx) => {
          await tx.sessions.addOutcome(ctx.negotiationId, sessionId, outcome)
          await appendSessionEvent(ctx, tx, 'session-text-applied', session, {
            articleId,
            roundId,
            at: outcome.at,
            data: { article: change.label, summary: appliedSummary(s), changed: change.changed },
          })
        },
      )
      return done({ ...change, outcome })
    })
    if (!applied.ok) return applied
    return done(await decided(ctx, sessionId, applied.value))
  })
}

/**
 * POST .../sessions/:sid/articles/:articleId/leave (the chair, once the session reported back):
 * the main text keeps its wording; the outcome and a `session-text-left` event say so.
 */
export async function leaveSessionText(
  ctx: SessionContext,
  sessionId: string,
  articleId: string,
): Promise<SessionResult<SessionDecision>> {
  return ctx.queue.run(ctx.negotiationId, async () => {
    const found = await decisionFor(ctx, sessionId, articleId)
    if (!found.ok) return found
    const s = found.value
    const main = await ctx.registry.read(textRoom(ctx.negotiationId), docOf)
    const text = await ctx.registry.read(sessionRoom(ctx.negotiationId, sessionId), docOf)
    const change = await articleChange(s, main, text, articleId)
    const outcome = outcomeNow(ctx, articleId, 'left')
    const session = await withNamesOne(ctx.storage, s)
    const roundId = await currentRoundId(ctx.storage, ctx.negotiationId)
    await ctx.storage.atomically(async (tx) => {
      await tx.sessions.addOutcome(ctx.negotiationId, sessionId, outcome)
      await appendSessionEvent(ctx, tx, 'session-text-left', session, {
        articleId,
        roundId,
        at: outcome.at,
        data: { article: change.label, summary: leftSummary(s) },
      })
    })
    return done(await decided(ctx, sessionId, { ...change, outcome }))
  })
}

const outcomeNow = (
  ctx: SessionContext,
  articleId: string,
  outcome: SessionOutcome['outcome'],
): SessionOutcome => ({
  articleId,
  outcome,
  at: new Date().toISOString(),
  byAccountId: ctx.principal.accountId,
  byName: ctx.byName,
})

async function decided(
  ctx: SessionContext,
  sessionId: string,
  change: SessionArticleChange,
): Promise<SessionDecision> {
  const s = await ctx.storage.sessions.get(ctx.negotiationId, sessionId)
  if (!s) throw new Error(`session ${sessionId} vanished`)
  return { session: await withNamesOne(ctx.storage, s), change }
}
