import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { EVENT_TYPES } from '../../../shared/domain/events'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { RoomRegistry } from '../collab/rooms'
import { articleDiff } from '../history/articleDiff'
import { articleHistory } from '../history/articleHistory'
import { EVENTS_PAGE, eventsPage } from '../history/eventsPage'
import type { HistoryContext } from '../history/texts'
import { parseBody } from '../http/parseBody'
import type { Storage } from '../storage/Storage'

const Key = z.string().min(1).max(64)

const HistoryQuery = z.object({ actor: Key.optional() })
const DiffQuery = z.object({ from: Key, to: Key })
const EventsQuery = z.object({
  article: Key.optional(),
  proposal: Key.optional(),
  actor: Key.optional(),
  type: z.union([z.enum(EVENT_TYPES), z.array(z.enum(EVENT_TYPES))]).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(EVENTS_PAGE),
})

/**
 * History, after negotiationGate (any member): GET .../articles/:articleId/history[?actor=],
 * GET .../articles/:articleId/diff?from=&to=, and GET .../events (the log, filtered, a page of
 * at most `limit` events at a time (1000 unless asked) with `next`, the `after` of the next page).
 */
export function historyRoutes(storage: Storage, registry: RoomRegistry): Router {
  const router = Router()
  const ctx = (res: Response): HistoryContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    return { storage, registry, principal, negotiationId: negotiation.id }
  }
  const articleId = (req: Request) => String(req.params.articleId)

  router.get('/negotiations/:id/articles/:articleId/history', async (req, res) => {
    const { actor } = parseBody(HistoryQuery, req.query)
    res.json(await articleHistory(ctx(res), articleId(req), actor))
  })

  router.get('/negotiations/:id/articles/:articleId/diff', async (req, res) => {
    const { from, to } = parseBody(DiffQuery, req.query)
    res.json(await articleDiff(ctx(res), articleId(req), from, to))
  })

  router.get('/negotiations/:id/events', async (req, res) => {
    const q = parseBody(EventsQuery, req.query)
    const page = await eventsPage(
      ctx(res),
      {
        articleId: q.article,
        proposalId: q.proposal,
        actorId: q.actor,
        types: q.type === undefined ? undefined : [q.type].flat(),
        afterSeq: q.after,
      },
      q.limit,
    )
    res.json(page)
  })

  return router
}
