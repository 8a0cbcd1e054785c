import { Router } from 'express'
import { requireAuthOf } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import { importRevision } from '../revisions/importRevision'
import type { RoundRouteDeps } from './rounds'

/**
 * POST /api/negotiations/:id/rounds/import-revision, after negotiationGate (chair): a revised
 * text previewed (its articles matched to the current ones), or, with `confirm`, imported as the
 * text of the next round.
 */
export function roundImportRoutes(deps: RoundRouteDeps): Router {
  const router = Router()
  router.post('/negotiations/:id/rounds/import-revision', async (req, res) => {
    const { negotiation, principal } = negotiationAccessOf(res)
    const { account } = requireAuthOf(res)
    const ctx = { ...deps, principal, byName: account.displayName, negotiationId: negotiation.id }
    const answer = await importRevision(ctx, req.body)
    res.status('imported' in answer ? 201 : 200).json(answer)
  })
  return router
}
