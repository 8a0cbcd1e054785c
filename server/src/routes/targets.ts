import { Router, type Response } from 'express'
import type { CommandContext } from '../actors/participantCommands'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import {
  addAction,
  changeTarget,
  createTarget,
  exportTargetsCsv,
  listActions,
  listTargets,
  removeTarget,
} from '../stances/targetCommands'
import type { Storage } from '../storage/Storage'

/**
 * A campaign group's target lists and actions, after negotiationGate, for the group's members
 * only: GET and POST .../groups/:gid/targets, PUT and DELETE .../targets/:tid,
 * GET .../targets.csv, GET (?actor=) and POST .../groups/:gid/actions.
 */
export function targetRoutes(storage: Storage): Router {
  const router = Router()
  const context = (res: Response): CommandContext => {
    const { negotiation, principal } = negotiationAccessOf(res)
    return { storage, principal, negotiationId: negotiation.id }
  }
  const base = '/negotiations/:id/groups/:gid'

  router.get(`${base}/targets`, async (req, res) => {
    res.json(await listTargets(context(res), req.params.gid))
  })

  router.post(`${base}/targets`, async (req, res) => {
    res.status(201).json(await createTarget(context(res), req.params.gid, req.body))
  })

  router.get(`${base}/targets.csv`, async (req, res) => {
    const { filename, csv } = await exportTargetsCsv(context(res), req.params.gid)
    res.type('text/csv; charset=utf-8').attachment(filename).send(csv)
  })

  router.put(`${base}/targets/:tid`, async (req, res) => {
    const { gid, tid } = req.params
    res.json(await changeTarget(context(res), gid, tid, req.body))
  })

  router.delete(`${base}/targets/:tid`, async (req, res) => {
    const { gid, tid } = req.params
    res.json(await removeTarget(context(res), gid, tid))
  })

  router.get(`${base}/actions`, async (req, res) => {
    const actor = typeof req.query.actor === 'string' ? req.query.actor : undefined
    res.json(await listActions(context(res), req.params.gid, actor))
  })

  router.post(`${base}/actions`, async (req, res) => {
    res.status(201).json(await addAction(context(res), req.params.gid, req.body))
  })

  return router
}
