import { Router } from 'express'
import { z } from 'zod'
import { roomName } from '../../../shared/collab'
import { RoundSchema, type Round } from '../../../shared/domain/rounds'
import { SCHEMA_VERSION } from '../../../shared/schema'
import { HttpError } from '../http/errors'
import { importNegotiation } from '../negotiations/importNegotiation'
import type { Negotiation, Storage } from '../storage/Storage'

const ImportBody = z.object({
  text: z.string().min(1).max(2_000_000),
  name: z.string().trim().min(1).max(200).optional(),
  id: z.string().optional(),
  rounds: z.array(RoundSchema).max(100).optional(),
})

/** A negotiation as the API shows it, with the rooms a client connects to. */
export const negotiationJson = (n: Negotiation, rounds: Round[]) => ({
  id: n.id,
  name: n.name,
  createdAt: n.createdAt,
  schemaVersion: SCHEMA_VERSION,
  rooms: { text: roomName({ negotiationId: n.id, kind: 'text' }) },
  rounds,
})

/** GET /api/negotiations, GET /api/negotiations/:id, POST /api/negotiations/import. */
export function negotiationRoutes(storage: Storage): Router {
  const router = Router()

  router.get('/negotiations', async (_req, res) => {
    const all = await storage.listNegotiations()
    res.json({ negotiations: all.map((n) => ({ id: n.id, name: n.name })) })
  })

  router.get('/negotiations/:id', async (req, res) => {
    const negotiation = await storage.getNegotiation(req.params.id)
    if (!negotiation) throw notFound(req.params.id)
    const rounds = await storage.listRounds(negotiation.id)
    res.json({ negotiation: negotiationJson(negotiation, rounds) })
  })

  router.post('/negotiations/import', async (req, res) => {
    const body = ImportBody.safeParse(req.body)
    if (!body.success) {
      const issue = body.error.issues[0]
      const where = issue?.path.join('.') || 'body'
      throw new HttpError(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}`)
    }
    const result = await importNegotiation(storage, body.data)
    if (result.ok) {
      const rounds = body.data.rounds ?? []
      res.status(201).json({ negotiation: negotiationJson(result.negotiation, rounds) })
      return
    }
    switch (result.reason) {
      case 'malformed': {
        const { line, expected, found, message } = result.error
        throw new HttpError(400, 'malformed_treaty', message, { line, expected, found })
      }
      case 'bad-id':
        throw new HttpError(400, 'invalid_id', `"${result.id}" is not a valid id (a-z, 0-9, -).`)
      case 'id-taken':
        throw new HttpError(409, 'id_taken', `A negotiation "${result.id}" already exists.`)
    }
  })

  return router
}

/** The 404 for a negotiation id nobody has. */
export const notFound = (id: string) =>
  new HttpError(404, 'negotiation_not_found', `No negotiation "${id}".`)
