import { Router, type Request, type Response } from 'express'
import { toCsv, toMarkdown } from '../../../shared/domain/annotations/export'
import { requireAuthOf } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import {
  exportNotes,
  publishAnnotation,
  unpublishAnnotation,
  type NotesContext,
} from '../annotations/notes'
import type { RoomRegistry } from '../collab/rooms'
import type { Storage } from '../storage/Storage'

/** What the annotation routes need. */
export interface AnnotationRouteDeps {
  storage: Storage
  registry: RoomRegistry
}

/**
 * A group's annotations, after negotiationGate (that group's members of any kind only, else 403):
 * POST and DELETE .../notes/:groupId/annotations/:annotationId/publish;
 * GET .../notes/:groupId/annotations.csv and .md (attachments).
 */
export function annotationRoutes(deps: AnnotationRouteDeps): Router {
  const router = Router()
  const ctx = (req: Request, res: Response): NotesContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    const { account } = requireAuthOf(res)
    return {
      ...deps,
      principal,
      byName: account.displayName,
      negotiationId: negotiation.id,
      groupId: String(req.params.groupId),
    }
  }
  const base = '/negotiations/:id/notes/:groupId/annotations'
  const filename = (c: NotesContext, ext: string) =>
    `${c.negotiationId}-${c.groupId}-annotations.${ext}`

  router.post(`${base}/:annotationId/publish`, async (req, res) => {
    const annotation = await publishAnnotation(ctx(req, res), String(req.params.annotationId))
    res.json({ annotation })
  })

  router.delete(`${base}/:annotationId/publish`, async (req, res) => {
    await unpublishAnnotation(ctx(req, res), String(req.params.annotationId))
    res.status(204).end()
  })

  router.get(`${base}.csv`, async (req, res) => {
    const c = ctx(req, res)
    const { annotations, articles } = await exportNotes(c)
    res
      .type('text/csv; charset=utf-8')
      .attachment(filename(c, 'csv'))
      .send(toCsv(annotations, articles))
  })

  router.get(`${base}.md`, async (req, res) => {
    const c = ctx(req, res)
    const { annotations, articles, groupName } = await exportNotes(c)
    res
      .type('text/markdown; charset=utf-8')
      .attachment(filename(c, 'md'))
      .send(toMarkdown(annotations, articles, groupName))
  })

  return router
}
