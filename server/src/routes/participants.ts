import express, { Router, type Request, type Response } from 'express'
import {
  exportParticipantsCsv,
  importParticipantsCsv,
  listParticipants,
  removeParticipant,
  setParticipant,
  setRoundRecord,
  type CommandContext,
} from '../actors/participantCommands'
import { listActors } from '../actors/catalogue'
import { requireAuth } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { Storage } from '../storage/Storage'

// A spreadsheet of a few hundred rows is some tens of kilobytes.
const csvBody = express.text({ type: ['text/csv', 'text/plain'], limit: '1mb' })

/**
 * The actor catalogue and a negotiation's participants (the Oslo Process states spreadsheet):
 * GET /api/actors; GET /api/negotiations/:id/participants; PUT and DELETE .../participants/:actorId;
 * PUT .../participants/:actorId/rounds/:roundId; GET and POST .../participants.csv.
 * The negotiation gate has already answered 401, 403 for non-members, and 404.
 */
export function participantRoutes(storage: Storage): Router {
  const router = Router()
  const context = (_req: Request, res: Response): CommandContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    return { storage, principal, negotiationId: negotiation.id }
  }

  router.get('/actors', requireAuth, (_req, res) => {
    res.json({ actors: listActors() })
  })

  router.get('/negotiations/:id/participants', async (req, res) => {
    res.json(await listParticipants(context(req, res)))
  })

  router.put('/negotiations/:id/participants/:actorId', async (req, res) => {
    res.json(await setParticipant(context(req, res), req.params.actorId, req.body))
  })

  router.delete('/negotiations/:id/participants/:actorId', async (req, res) => {
    res.json(await removeParticipant(context(req, res), req.params.actorId))
  })

  router.put('/negotiations/:id/participants/:actorId/rounds/:roundId', async (req, res) => {
    const { actorId, roundId } = req.params
    res.json(await setRoundRecord(context(req, res), actorId, roundId, req.body))
  })

  router.get('/negotiations/:id/participants.csv', async (req, res) => {
    const { filename, csv } = await exportParticipantsCsv(context(req, res))
    res.type('text/csv; charset=utf-8').attachment(filename).send(csv)
  })

  router.post('/negotiations/:id/participants.csv', csvBody, async (req, res) => {
    // JSON or any other body that is not text reaches here unread or as an object: refused.
    const text: unknown = typeof req.body === 'string' ? req.body : undefined
    res.json(await importParticipantsCsv(context(req, res), text))
  })

  return router
}
