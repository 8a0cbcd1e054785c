import { Router } from 'express'
import { z } from 'zod'
import { roomName } from '../../../shared/collab'
import { RoundSchema, type Round } from '../../../shared/domain/rounds'
import { SCHEMA_VERSION } from '../../../shared/schema'
import { requireAuthOf } from '../auth/authenticate'
import { membershipJson } from '../auth/membershipFields'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { importNegotiation, type ImportNegotiationResult } from '../negotiations/importNegotiation'
import type { Negotiation, Storage } from '../storage/Storage'

const ImportBody = z.object({
  text: z.string().min(1).max(2_000_000),
  format: z.enum(['markdown', 'plain']).optional(),
  file: z.string().trim().min(1).max(255).optional(),
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
  rooms: {
    text: roomName({ negotiationId: n.id, kind: 'text' }),
    register: roomName({ negotiationId: n.id, kind: 'register' }),
  },
  rounds,
})

/**
 * GET /api/negotiations (the caller's; an admin's: all) and, after negotiationGate,
 * GET /api/negotiations/:id with the caller's membership.
 */
export function negotiationRoutes(storage: Storage): Router {
  const router = Router()

  router.get('/negotiations', async (_req, res) => {
    const { account } = requireAuthOf(res)
    const mine = account.isAdmin
      ? await storage.listNegotiations()
      : (await storage.members.listForAccount(account.id)).map((m) => ({
          id: m.negotiationId,
          name: m.negotiationName,
        }))
    res.json({ negotiations: mine.map((n) => ({ id: n.id, name: n.name })) })
  })

  router.get('/negotiations/:id', async (_req, res) => {
    const { negotiation, principal } = negotiationAccessOf(res)
    const rounds = await storage.listRounds(negotiation.id)
    res.json({
      negotiation: {
        ...negotiationJson(negotiation, rounds),
        membership: principal.membership && membershipJson(principal.membership),
        isAdmin: principal.isAdmin,
        // The coalitions the caller's delegation belongs to now (issue 13).
        coalitions: principal.coalitions ?? [],
      },
    })
  })

  return router
}

/** The most warnings an import's answer lists; `warningCount` says how many there were. */
export const MAX_WARNINGS_SHOWN = 200

/**
 * POST /api/negotiations/import, for admins only: `{ text, format?, file?, name?, id?, rounds? }`
 * (Markdown or the plain layout), answered 201 with the negotiation and the import's warnings.
 * Mounted before negotiationGate, for which "import" would look like a negotiation id.
 */
export function negotiationImportRoutes(storage: Storage): Router {
  const router = Router()

  router.post('/negotiations/import', async (req, res) => {
    const { account } = requireAuthOf(res)
    if (!account.isAdmin) {
      throw new HttpError(403, 'forbidden', 'Only an administrator creates negotiations.')
    }
    const body = parseBody(ImportBody, req.body)
    const result = await importNegotiation(storage, body)
    if (result.ok) {
      const rounds = body.rounds ?? []
      // A text with thousands of unbalanced brackets stays a short answer: the first ones, and
      // how many there are.
      res.status(201).json({
        negotiation: negotiationJson(result.negotiation, rounds),
        warnings: result.warnings.slice(0, MAX_WARNINGS_SHOWN),
        warningCount: result.warnings.length,
      })
      return
    }
    if (result.reason === 'malformed') {
      const { line, expected, found, message } = result.error
      throw new HttpError(400, 'malformed_treaty', message, { line, expected, found })
    }
    throw importRefused(result)
  })

  return router
}

/** Why an import stored nothing, other than a text that cannot be read (each route says where). */
export function importRefused(
  result: Extract<ImportNegotiationResult, { reason: 'bad-id' | 'id-taken' | 'too-large' }>,
): HttpError {
  switch (result.reason) {
    case 'bad-id':
      return new HttpError(400, 'invalid_id', `"${result.id}" is not a valid id (a-z, 0-9, -).`)
    case 'id-taken':
      return new HttpError(409, 'id_taken', `A negotiation "${result.id}" already exists.`)
    case 'too-large':
      return new HttpError(
        413,
        'treaty_too_large',
        `The text has ${result.lines.toLocaleString('en')} lines; a treaty is imported with at most ${result.limit.toLocaleString('en')} (one clause a line).`,
        { lines: result.lines, limit: result.limit },
      )
  }
}

/** The 404 for a negotiation id nobody has. */
export const notFound = (id: string) =>
  new HttpError(404, 'negotiation_not_found', `No negotiation "${id}".`)
