import { Router, type Response } from 'express'
import { requireAuthOf } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import { cleaningByRound } from '../numbering/cleaning'
import { listConcordances, renumberText } from '../numbering/commands'
import type { RoundContext } from '../rounds/roundCommands'
import type { RoundRouteDeps } from './rounds'

/**
 * Numbering, after negotiationGate: POST /api/negotiations/:id/renumber (chair) renumbers the
 * text from order and records the concordance; GET .../concordance lists the renumberings;
 * GET .../cleaning gives the brackets and option blocks of each round's frozen text and now.
 */
export function numberingRoutes(deps: RoundRouteDeps): Router {
  const router = Router()
  const ctx = (res: Response): RoundContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    const { account } = requireAuthOf(res)
    return { ...deps, principal, byName: account.displayName, negotiationId: negotiation.id }
  }

  router.post('/negotiations/:id/renumber', async (_req, res) => {
    res.json(await renumberText(ctx(res)))
  })

  router.get('/negotiations/:id/concordance', async (_req, res) => {
    res.json(await listConcordances(ctx(res)))
  })

  router.get('/negotiations/:id/cleaning', async (_req, res) => {
    res.json({ texts: await cleaningByRound(ctx(res)) })
  })

  return router
}
