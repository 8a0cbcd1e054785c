import { Router, type Request, type Response } from 'express'
import { requireAuthOf } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { RoomRegistry } from '../collab/rooms'
import type { TextEditTracker } from '../history/TextEditTracker'
import type { SerialQueue } from '../proposals/SerialQueue'
import {
  closeRound,
  createRound,
  listRounds,
  openRound,
  roundText,
  type RoundContext,
} from '../rounds/roundCommands'
import type { Storage } from '../storage/Storage'
import { numberingRoutes } from './numbering'

/** What the round routes need. */
export interface RoundRouteDeps {
  storage: Storage
  registry: RoomRegistry
  queue: SerialQueue
  edits?: TextEditTracker
}

/**
 * Rounds, after negotiationGate: GET and POST /api/negotiations/:id/rounds; POST
 * .../rounds/:roundId/open and /close (chair); GET .../rounds/:roundId/text (the frozen text).
 */
export function roundRoutes(deps: RoundRouteDeps): Router {
  const router = Router()
  const ctx = (res: Response): RoundContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    const { account } = requireAuthOf(res)
    return { ...deps, principal, byName: account.displayName, negotiationId: negotiation.id }
  }
  const roundId = (req: Request) => String(req.params.roundId)

  router.get('/negotiations/:id/rounds', async (_req, res) => {
    res.json(await listRounds(ctx(res)))
  })

  router.post('/negotiations/:id/rounds', async (req, res) => {
    res.status(201).json(await createRound(ctx(res), req.body))
  })

  router.post('/negotiations/:id/rounds/:roundId/open', async (req, res) => {
    res.json(await openRound(ctx(res), roundId(req)))
  })

  router.post('/negotiations/:id/rounds/:roundId/close', async (req, res) => {
    res.json(await closeRound(ctx(res), roundId(req), req.body))
  })

  router.get('/negotiations/:id/rounds/:roundId/text', async (req, res) => {
    res.json(await roundText(ctx(res), roundId(req)))
  })

  // Renumbering and its concordance share the rounds' queue and dependencies.
  router.use(numberingRoutes(deps))

  return router
}
