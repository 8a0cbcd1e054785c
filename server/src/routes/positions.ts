import { Router, type Request, type Response } from 'express'
import { listPositions, recordPosition } from '../proposals/positionCommands'
import { proposalContext, type ProposalRouteDeps } from './proposals'

/** Positions on a proposal, after negotiationGate: GET and POST .../proposals/:pid/positions. */
export function positionRoutes(deps: ProposalRouteDeps): Router {
  const router = Router()
  const ctx = (res: Response) => proposalContext(deps, res)
  const pid = (req: Request) => String(req.params.pid)

  router.get('/negotiations/:id/proposals/:pid/positions', async (req, res) => {
    res.json(await listPositions(ctx(res), pid(req)))
  })

  router.post('/negotiations/:id/proposals/:pid/positions', async (req, res) => {
    res.status(201).json(await recordPosition(ctx(res), pid(req), req.body))
  })

  return router
}
