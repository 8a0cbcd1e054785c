import { Router } from 'express'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import { stanceData } from '../stances/stanceData'
import type { Storage } from '../storage/Storage'

/**
 * Who stands where, after negotiationGate: GET .../stances, everything the reader may see of
 * issues, statements, declarations, treaty status and their own group's target lists.
 */
export function stanceRoutes(storage: Storage): Router {
  const router = Router()

  router.get('/negotiations/:id/stances', async (_req, res) => {
    const { negotiation, principal } = negotiationAccessOf(res)
    res.json(await stanceData(storage, principal, negotiation.id))
  })

  return router
}
