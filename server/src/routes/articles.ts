import { Router } from 'express'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { treatySchema } from '../../../shared/schema'
import type { RoomRegistry } from '../collab/rooms'
import { articlesWithCleaning } from '../numbering/cleaning'
import type { Storage } from '../storage/Storage'
import { notFound } from './negotiations'

/**
 * GET /api/negotiations/:id/articles: each article of the live text with its number (order),
 * label (what negotiators call it), id, title, and the brackets and option blocks cleaning has
 * left; with the text's totals.
 */
export function articleRoutes(storage: Storage, registry: RoomRegistry): Router {
  const router = Router()
  router.get('/negotiations/:id/articles', async (req, res) => {
    const id = req.params.id
    if (!(await storage.getNegotiation(id))) throw notFound(id)
    const result = await registry.read(roomName({ negotiationId: id, kind: 'text' }), (doc) =>
      articlesWithCleaning(
        yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema),
      ),
    )
    res.json(result)
  })
  return router
}
