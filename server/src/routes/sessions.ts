import { Router, type Request, type Response } from 'express'
import type { SessionErrorCode } from '../../../shared/domain/sessionText'
import { requireAuthOf } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { TextEditTracker } from '../history/TextEditTracker'
import { HttpError } from '../http/errors'
import { applySessionText, leaveSessionText, sessionChanges } from '../sessions/applyCommands'
import type { SessionContext, SessionResult } from '../sessions/context'
import { openSessionCommand, reportSession } from '../sessions/openSession'
import { changeSession, createSession, getSession, listSessions } from '../sessions/sessionCommands'
import type { ProposalRouteDeps } from './proposals'

/** What the session routes need: the proposal routes' deps and the text-edit tracker. */
export interface SessionRouteDeps extends ProposalRouteDeps {
  edits?: TextEditTracker
}

// The HTTP status of each refusal of a session command.
const STATUS: Record<SessionErrorCode, number> = {
  invalid_request: 400,
  unknown_facilitator: 400,
  unknown_article: 400,
  unknown_issue: 400,
  forbidden: 403,
  session_not_found: 404,
  article_not_in_session: 404,
  session_taken: 409,
  session_not_scheduled: 409,
  session_not_in_session: 409,
  session_not_reported: 409,
  article_missing: 409,
  busy: 503,
}

// A command's value, or its refusal as an HTTP error.
function valueOf<T>(result: SessionResult<T>): T {
  if (result.ok) return result.value
  throw new HttpError(STATUS[result.code], result.code, result.message)
}

/**
 * Parallel sessions (issue 13), after negotiationGate: the board (GET .../sessions), the chair's
 * create, change and open, the facilitators' report back, and the chair's review and apply of a
 * session's articles into the main text.
 */
export function sessionRoutes(deps: SessionRouteDeps): Router {
  const router = Router()
  const ctx = (res: Response): SessionContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    const { account } = requireAuthOf(res)
    const { storage, registry, queue } = deps
    return {
      storage,
      registry,
      queue,
      principal,
      byName: account.displayName,
      negotiationId: negotiation.id,
    }
  }
  const sid = (req: Request) => String(req.params.sid)
  const base = '/negotiations/:id/sessions'

  router.get(base, async (_req, res) => {
    res.json({ sessions: await listSessions(ctx(res)) })
  })

  router.post(base, async (req, res) => {
    res.status(201).json({ session: valueOf(await createSession(ctx(res), req.body)) })
  })

  router.get(`${base}/:sid`, async (req, res) => {
    res.json({ session: valueOf(await getSession(ctx(res), sid(req))) })
  })

  router.patch(`${base}/:sid`, async (req, res) => {
    res.json({ session: valueOf(await changeSession(ctx(res), sid(req), req.body)) })
  })

  router.post(`${base}/:sid/open`, async (req, res) => {
    res.json({ session: valueOf(await openSessionCommand(ctx(res), sid(req))) })
  })

  router.post(`${base}/:sid/report`, async (req, res) => {
    res.json({ session: valueOf(await reportSession(ctx(res), sid(req))) })
  })

  router.get(`${base}/:sid/changes`, async (req, res) => {
    res.json({ changes: valueOf(await sessionChanges(ctx(res), sid(req))) })
  })

  router.post(`${base}/:sid/articles/:articleId/apply`, async (req, res) => {
    const articleId = String(req.params.articleId)
    res.json(valueOf(await applySessionText(ctx(res), sid(req), articleId)))
  })

  router.post(`${base}/:sid/articles/:articleId/leave`, async (req, res) => {
    const articleId = String(req.params.articleId)
    res.json(valueOf(await leaveSessionText(ctx(res), sid(req), articleId)))
  })

  return router
}
