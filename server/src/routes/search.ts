import { Router } from 'express'
import { SearchParamsSchema } from '../../../shared/domain/search/query'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { SearchIndexer } from '../search/SearchIndexer'
import { searchNegotiation } from '../search/searchNegotiation'
import type { Storage } from '../storage/Storage'

/**
 * Search, after negotiationGate (any member): GET /api/negotiations/:id/search?q=&round=&kinds=
 * &limit= answers what the caller may read, grouped by article (400 for a query over 200
 * characters, 404 for a round with no frozen text).
 */
export function searchRoutes(storage: Storage, registry: RoomRegistry): Router {
  const router = Router()
  const indexer = new SearchIndexer(storage, registry)

  router.get('/negotiations/:id/search', async (req, res) => {
    const params = parseBody(SearchParamsSchema, req.query)
    const { negotiation, principal } = negotiationAccessOf(res)
    const outcome = await searchNegotiation(
      { storage, indexer, principal, negotiationId: negotiation.id },
      params,
    )
    if (!outcome.ok) throw new HttpError(404, outcome.code, outcome.message)
    res.json(outcome.value)
  })

  return router
}
