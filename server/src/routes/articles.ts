import { Router } from 'express'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { outlineOf } from '../../../shared/domain/numbering'
import { treatySchema } from '../../../shared/schema'
import type { RoomRegistry } from '../collab/rooms'
import type { Storage } from '../storage/Storage'
import { notFound } from './negotiations'

/** GET /api/negotiations/:id/articles: number, id and title of each article, from the live text. */
export function articleRoutes(storage: Storage, registry: RoomRegistry): Router {
  const router = Router()
  router.get('/negotiations/:id/articles', async (req, res) => {
    const id = req.params.id
    if (!(await storage.getNegotiation(id))) throw notFound(id)
    const outline = await registry.read(roomName({ negotiationId: id, kind: 'text' }), (doc) =>
      outlineOf(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema)),
    )
    res.json({ articles: outline.map(({ number, id, title }) => ({ number, id, title })) })
  })
  return router
}
