import { Router } from 'express'
import { z } from 'zod'
import { authorize, negotiationAccessOf } from '../auth/negotiationAccess'
import { isValidGroupId } from '../auth/membershipFields'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { Storage } from '../storage/Storage'

const GroupBody = z.object({
  id: z.string().refine(isValidGroupId, 'a-z, 0-9 and -, and not "public"'),
  name: z.string().trim().min(1).max(200),
})

/** Campaign groups, after negotiationGate: GET (members) and POST (chair) .../groups. */
export function groupRoutes(storage: Storage): Router {
  const router = Router()

  router.get('/negotiations/:id/groups', async (_req, res) => {
    const { negotiation } = negotiationAccessOf(res)
    res.json({ groups: await storage.members.listGroups(negotiation.id) })
  })

  router.post('/negotiations/:id/groups', async (req, res) => {
    const { negotiation } = authorize(res, { type: 'manage-members' })
    const group = parseBody(GroupBody, req.body)
    const created = await storage.members.createGroup(negotiation.id, group)
    if (!created.ok) throw new HttpError(409, 'group_taken', `A group "${group.id}" exists.`)
    res.status(201).json({ group: created.group })
  })

  return router
}
