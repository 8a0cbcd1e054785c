import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { reportHtml } from '../../../shared/domain/report/reportHtml'
import { parseSince, type ReportFilter } from '../../../shared/domain/report/types'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { RoomRegistry } from '../collab/rooms'
import { exportFileName } from '../exports/fileNames'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { readReport, type ReportContext } from '../report/readReport'
import type { Storage } from '../storage/Storage'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// Comma-separated ids, at most 200 of them.
const IdList = z
  .string()
  .max(4000)
  .optional()
  .transform((s) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [],
  )
  .pipe(z.array(z.string().min(1).max(64)).max(200))

const ReportQuery = z.object({
  since: z.string().min(1).max(100),
  articles: IdList,
  actors: IdList,
})

/**
 * The report to capital, after negotiationGate (any member, as that member may read it):
 * GET .../report?since=<ISO time|last-visit|round:<id>>&articles=&actors= as JSON (which also
 * records this visit for "last-visit" next time, answering the one before as `previousVisit`),
 * and GET .../report.docx | report.html with the same query as a Word file or a page to print.
 */
export function reportRoutes(storage: Storage, registry: RoomRegistry): Router {
  const router = Router()
  const parse = (req: Request) => {
    const q = parseBody(ReportQuery, req.query)
    const since = parseSince(q.since)
    if (!since) {
      throw new HttpError(
        400,
        'invalid_request',
        'since: an ISO time (2008-05-20T18:00:00Z), "last-visit", or "round:<round id>".',
      )
    }
    const filter: ReportFilter = { articles: q.articles, actors: q.actors }
    return { since, filter }
  }
  const ctx = (res: Response): ReportContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    return { storage, registry, principal, negotiation }
  }

  router.get('/negotiations/:id/report', async (req, res) => {
    const { since, filter } = parse(req)
    const c = ctx(res)
    const now = new Date()
    const report = await readReport(c, since, filter, now)
    const previousVisit = await storage.visits.last(c.negotiation.id, c.principal.accountId)
    await storage.visits.record(c.negotiation.id, c.principal.accountId, now.toISOString())
    res.json({ report, previousVisit })
  })

  router.get('/negotiations/:id/report.docx', async (req, res) => {
    const { since, filter } = parse(req)
    const c = ctx(res)
    const report = await readReport(c, since, filter)
    const { reportDocx } = await import('../report/reportDocx')
    const file = await reportDocx(report)
    const day = report.generatedAt.slice(0, 10)
    res
      .type(DOCX)
      .attachment(exportFileName(c.negotiation.id, `report ${day}`, 'docx'))
      .send(file)
  })

  router.get('/negotiations/:id/report.html', async (req, res) => {
    const { since, filter } = parse(req)
    const c = ctx(res)
    const report = await readReport(c, since, filter)
    const day = report.generatedAt.slice(0, 10)
    res
      .type('text/html; charset=utf-8')
      .attachment(exportFileName(c.negotiation.id, `report ${day}`, 'html'))
      .send(reportHtml(report))
  })

  return router
}
