import { Router, type Request, type Response } from 'express'
import { requireAuthOf } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { RoomRegistry } from '../collab/rooms'
import type { ProposalContext } from '../proposals/context'
import { createProposal, getProposal, listProposals, updateDraft } from '../proposals/draftCommands'
import { decideProposal, moveProposal } from '../proposals/lifecycleCommands'
import type { SerialQueue } from '../proposals/SerialQueue'
import type { Storage } from '../storage/Storage'

/** What the proposal routes need. */
export interface ProposalRouteDeps {
  storage: Storage
  registry: RoomRegistry
  queue: SerialQueue
}

/** The context of a proposal command: the gate's negotiation and principal, and their name. */
export function proposalContext(deps: ProposalRouteDeps, res: Response): ProposalContext {
  const { negotiation, principal } = negotiationAccessOf(res)
  const { account } = requireAuthOf(res)
  return { ...deps, principal, byName: account.displayName, negotiationId: negotiation.id }
}

/**
 * Proposals, after negotiationGate: GET and POST /api/negotiations/:id/proposals; GET and PATCH
 * .../proposals/:pid; POST .../proposals/:pid/table | withdraw | reopen | decision.
 */
export function proposalRoutes(deps: ProposalRouteDeps): Router {
  const router = Router()
  const ctx = (res: Response) => proposalContext(deps, res)
  const pid = (req: Request) => String(req.params.pid)

  router.get('/negotiations/:id/proposals', async (_req, res) => {
    res.json(await listProposals(ctx(res)))
  })

  router.post('/negotiations/:id/proposals', async (req, res) => {
    res.status(201).json(await createProposal(ctx(res), req.body))
  })

  router.get('/negotiations/:id/proposals/:pid', async (req, res) => {
    res.json(await getProposal(ctx(res), pid(req)))
  })

  router.patch('/negotiations/:id/proposals/:pid', async (req, res) => {
    res.json(await updateDraft(ctx(res), pid(req), req.body))
  })

  for (const type of ['table', 'withdraw', 'reopen'] as const) {
    router.post(`/negotiations/:id/proposals/:pid/${type}`, async (req, res) => {
      res.json(await moveProposal(ctx(res), pid(req), type, req.body))
    })
  }

  router.post('/negotiations/:id/proposals/:pid/decision', async (req, res) => {
    res.json(await decideProposal(ctx(res), pid(req), req.body))
  })

  return router
}
