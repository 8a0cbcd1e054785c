import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import { CloseCode, TEXT_FRAGMENT } from '../../../shared/collab'
import { can } from '../../../shared/domain/policy'
import { sessionDoc } from '../../../shared/domain/sessionText'
import { sessionFacts, type Session } from '../../../shared/domain/sessions'
import type { Room } from '../collab/Room'
import { commandOrigin, commitAtomically } from '../proposals/commit'
import {
  docOf,
  done,
  notFound,
  refuse,
  sessionRoom,
  textRoom,
  withNamesOne,
  type SessionContext,
  type SessionDeps,
  type SessionResult,
} from './context'
import { appendSessionEvent } from './sessionCommands'

/**
 * Opens a scheduled session: copies its articles from the main text as it is now into the room
 * `<negotiation>/session/<sid>` (title kept, an empty preamble, each article with its stable id
 * and label) and marks it in session, with its `session-opened` event, in one stored step; then
 * the room's clients get the text. No permission check: the caller decides (the chair's route,
 * or the demo loader at first start). Runs in the negotiation's queue.
 */
export async function openSession(
  deps: SessionDeps,
  negotiationId: string,
  sessionId: string,
  by: { accountId: string; name: string },
): Promise<SessionResult<Session>> {
  const ctx: SessionContext = {
    ...deps,
    negotiationId,
    byName: by.name,
    principal: { accountId: by.accountId, isAdmin: false, membership: null },
  }
  return deps.queue.run(negotiationId, async () => {
    const s = await deps.storage.sessions.get(negotiationId, sessionId)
    if (!s) return notFound(sessionId)
    if (s.status !== 'scheduled') {
      return refuse('session_not_scheduled', 'This session has been opened already.')
    }
    const rooms = [textRoom(negotiationId), sessionRoom(negotiationId, sessionId)]
    return deps.registry.withRooms(rooms, async ([text, room]) => {
      const copy = sessionDoc(docOf((text as Room).doc), s.articleIds)
      if (copy.missing.length > 0) {
        return refuse(
          'article_missing',
          `The text no longer has ${copy.missing.map((id) => `“${id}”`).join(', ')}; change the session’s articles first.`,
        )
      }
      const at = new Date().toISOString()
      const opened = { ...s, status: 'in-session' as const, openedAt: at }
      const session = await withNamesOne(deps.storage, opened)
      await commitAtomically(
        deps.storage,
        commandOrigin('open-session'),
        [
          {
            room: room as Room,
            change: (doc) =>
              void prosemirrorToYXmlFragment(copy.doc, doc.getXmlFragment(TEXT_FRAGMENT)),
          },
        ],
        async (tx) => {
          await tx.sessions.update(opened)
          await appendSessionEvent(ctx, tx, 'session-opened', session, {
            at,
            data: { articles: s.articleIds.length },
          })
        },
      )
      return done(session)
    })
  })
}

/** POST .../sessions/:sid/open (the chair). */
export async function openSessionCommand(
  ctx: SessionContext,
  sessionId: string,
): Promise<SessionResult<Session>> {
  const decision = can(ctx.principal, { type: 'manage-sessions' })
  if (!decision.ok) return refuse('forbidden', decision.reason)
  return openSession(ctx, ctx.negotiationId, sessionId, {
    accountId: ctx.principal.accountId,
    name: ctx.byName,
  })
}

/**
 * POST .../sessions/:sid/report (its facilitators, or the chair): the session reports back; its
 * text is read only from now on. Stored inside the room's queue, so no facilitator's edit lands
 * after it; their writing connections are cut and reconnect as readers.
 */
export async function reportSession(
  ctx: SessionContext,
  sessionId: string,
): Promise<SessionResult<Session>> {
  return ctx.queue.run(ctx.negotiationId, async () => {
    const s = await ctx.storage.sessions.get(ctx.negotiationId, sessionId)
    if (!s) return notFound(sessionId)
    const decision = can(ctx.principal, { type: 'facilitate', session: sessionFacts(s) })
    if (!decision.ok) return refuse('forbidden', decision.reason)
    if (s.status !== 'in-session') {
      return refuse(
        'session_not_in_session',
        s.status === 'scheduled'
          ? 'This session has not opened yet.'
          : 'This session has reported back already.',
      )
    }
    const room = sessionRoom(ctx.negotiationId, sessionId)
    return ctx.registry.withRooms([room], async ([live]) => {
      const at = new Date().toISOString()
      const reported = { ...s, status: 'reported-back' as const, reportedAt: at }
      const session = await withNamesOne(ctx.storage, reported)
      await ctx.storage.atomically(async (tx) => {
        await tx.sessions.update(reported)
        await appendSessionEvent(ctx, tx, 'session-reported', session, { at })
      })
      ;(live as Room).refuseWriters(
        () => true,
        CloseCode.MembershipChanged,
        'The session reported back; its text is read only now.',
      )
      return done(session)
    })
  })
}
