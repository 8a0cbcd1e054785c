import { Router, type Request, type Response } from 'express'
import type { CommandContext } from '../actors/participantCommands'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import { readBytesUpTo, tooLarge } from '../http/bodies'
import {
  addRoundCount,
  changeDeclaration,
  createDeclaration,
  listDeclarations,
  removeEndorsement,
  setEndorsement,
} from '../stances/declarationCommands'
import { importTreatyStatusCsv, listTreatyStatus } from '../stances/treatyStatusImport'
import type { Storage } from '../storage/Storage'

/** The most a treaty status CSV may weigh: the depositary's whole table is some 20 kB. */
export const TREATY_CSV_LIMIT = 1024 * 1024

// The body of a text/csv (or text/plain) request, at most the limit; undefined for other types.
async function csvText(req: Request): Promise<string | undefined> {
  if (!req.is(['text/csv', 'text/plain'])) return undefined
  if (Number(req.headers['content-length'] ?? 0) > TREATY_CSV_LIMIT)
    throw tooLarge(TREATY_CSV_LIMIT)
  return (await readBytesUpTo(req, TREATY_CSV_LIMIT)).toString('utf8')
}

/**
 * Outcome documents and treaty status, after negotiationGate: GET (members) and POST (chair)
 * .../declarations, PUT .../declarations/:did; PUT and DELETE
 * .../declarations/:did/endorsements/:actorId (the chair, or the actor's delegation); POST
 * .../round-counts (chair); GET .../treaty-status; POST .../treaty-status.csv (chair, text/csv).
 */
export function declarationRoutes(storage: Storage): Router {
  const router = Router()
  const context = (res: Response): CommandContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    return { storage, principal, negotiationId: negotiation.id }
  }

  router.get('/negotiations/:id/declarations', async (_req, res) => {
    res.json(await listDeclarations(context(res)))
  })

  router.post('/negotiations/:id/declarations', async (req, res) => {
    res.status(201).json(await createDeclaration(context(res), req.body))
  })

  router.put('/negotiations/:id/declarations/:did', async (req, res) => {
    res.json(await changeDeclaration(context(res), req.params.did, req.body))
  })

  router.put('/negotiations/:id/declarations/:did/endorsements/:actorId', async (req, res) => {
    const { did, actorId } = req.params
    res.json(await setEndorsement(context(res), did, actorId, req.body))
  })

  router.delete('/negotiations/:id/declarations/:did/endorsements/:actorId', async (req, res) => {
    const { did, actorId } = req.params
    res.json(await removeEndorsement(context(res), did, actorId))
  })

  router.post('/negotiations/:id/round-counts', async (req, res) => {
    res.status(201).json(await addRoundCount(context(res), req.body))
  })

  router.get('/negotiations/:id/treaty-status', async (_req, res) => {
    res.json(await listTreatyStatus(context(res)))
  })

  router.post('/negotiations/:id/treaty-status.csv', async (req, res) => {
    const ctx = context(res)
    // Who may import is decided before a byte of the body is read.
    const source = typeof req.query.source === 'string' ? req.query.source : undefined
    res.json(await importTreatyStatusCsv(ctx, () => csvText(req), source))
  })

  return router
}
