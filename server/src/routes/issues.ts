import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { parseBody } from '../http/parseBody'
import { changeIssue, createIssue, listIssues } from '../stances/issueCommands'
import { addPaperVersion, createPaper, listPapers, publishPaper } from '../stances/paperCommands'
import { listStatements, publishStatement, recordStatement } from '../stances/statementCommands'
import { proposalContext, type ProposalRouteDeps } from './proposals'

const Key = z.string().min(1).max(64)
const StatementsQuery = z.object({
  issue: Key.optional(),
  proposal: Key.optional(),
  actor: Key.optional(),
  round: Key.optional(),
})

/**
 * Issues, statements and briefing papers, after negotiationGate: GET and POST .../issues,
 * PATCH .../issues/:iid; GET and POST .../statements[?issue=&proposal=&actor=&round=], POST
 * .../statements/:sid/publish; GET and POST .../issues/:iid/papers, POST .../papers/:pid/versions
 * and .../papers/:pid/publish.
 */
export function issueRoutes(deps: ProposalRouteDeps): Router {
  const router = Router()
  const ctx = (res: Response) => proposalContext(deps, res)
  const param = (req: Request, name: string) => String(req.params[name])

  router.get('/negotiations/:id/issues', async (_req, res) => {
    res.json(await listIssues(ctx(res)))
  })

  router.post('/negotiations/:id/issues', async (req, res) => {
    res.status(201).json(await createIssue(ctx(res), req.body))
  })

  router.patch('/negotiations/:id/issues/:iid', async (req, res) => {
    res.json(await changeIssue(ctx(res), param(req, 'iid'), req.body))
  })

  router.get('/negotiations/:id/statements', async (req, res) => {
    res.json(await listStatements(ctx(res), parseBody(StatementsQuery, req.query)))
  })

  router.post('/negotiations/:id/statements', async (req, res) => {
    res.status(201).json(await recordStatement(ctx(res), req.body))
  })

  router.post('/negotiations/:id/statements/:sid/publish', async (req, res) => {
    res.json(await publishStatement(ctx(res), param(req, 'sid')))
  })

  router.get('/negotiations/:id/issues/:iid/papers', async (req, res) => {
    res.json(await listPapers(ctx(res), param(req, 'iid')))
  })

  router.post('/negotiations/:id/issues/:iid/papers', async (req, res) => {
    res.status(201).json(await createPaper(ctx(res), param(req, 'iid'), req.body))
  })

  router.post('/negotiations/:id/papers/:pid/versions', async (req, res) => {
    res.status(201).json(await addPaperVersion(ctx(res), param(req, 'pid'), req.body))
  })

  router.post('/negotiations/:id/papers/:pid/publish', async (req, res) => {
    res.json(await publishPaper(ctx(res), param(req, 'pid')))
  })

  return router
}
