import { Router } from 'express'
import { DocumentSettingsInputSchema } from '../../../shared/domain/documents'
import { requireAuthOf } from '../auth/authenticate'
import { authorize, negotiationAccessOf } from '../auth/negotiationAccess'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { Storage } from '../storage/Storage'

/**
 * The texts as circulated, after negotiationGate: GET .../documents (any member) lists the symbol
 * and distribution set per text; PATCH .../documents { roundId?, symbol, distribution } (the
 * chair) sets them for the live text (roundId null) or a round's text.
 */
export function documentRoutes(storage: Storage): Router {
  const router = Router()

  router.get('/negotiations/:id/documents', async (_req, res) => {
    const { negotiation } = negotiationAccessOf(res)
    res.json({ documents: await storage.documents.list(negotiation.id) })
  })

  router.patch('/negotiations/:id/documents', async (req, res) => {
    const { negotiation } = authorize(res, { type: 'manage-rounds' })
    const input = parseBody(DocumentSettingsInputSchema, req.body)
    if (input.roundId !== null) {
      const rounds = await storage.listRounds(negotiation.id)
      if (!rounds.some((r) => r.id === input.roundId)) {
        throw new HttpError(
          404,
          'unknown_round',
          `No round "${input.roundId}" in this negotiation.`,
        )
      }
    }
    const settings = {
      ...input,
      updatedAt: new Date().toISOString(),
      updatedBy: requireAuthOf(res).account.displayName,
    }
    await storage.documents.set(negotiation.id, settings)
    res.json({ document: settings })
  })

  return router
}
