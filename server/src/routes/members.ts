import { Router } from 'express'
import { CloseCode } from '../../../shared/collab'
import { authorize } from '../auth/negotiationAccess'
import { MembershipFields, checkedMembership, membershipJson } from '../auth/membershipFields'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { Storage } from '../storage/Storage'

const notAMember = () =>
  new HttpError(404, 'member_not_found', 'That person is not a member of this negotiation.')

/**
 * The chair's member management, after negotiationGate: GET /api/negotiations/:id/members,
 * PATCH and DELETE .../members/:accountId. A changed role cuts the person's live connections
 * in this negotiation with MembershipChanged (they reconnect with the new access); removal cuts
 * them with Forbidden.
 */
export function memberRoutes(storage: Storage, registry: RoomRegistry): Router {
  const router = Router()

  router.get('/negotiations/:id/members', async (_req, res) => {
    const { negotiation } = authorize(res, { type: 'manage-members' })
    const members = await storage.members.listMembers(negotiation.id)
    res.json({
      members: members.map((m) => ({
        accountId: m.accountId,
        username: m.username,
        displayName: m.displayName,
        ...membershipJson(m.membership),
      })),
    })
  })

  router.patch('/negotiations/:id/members/:accountId', async (req, res) => {
    const { negotiation } = authorize(res, { type: 'manage-members' })
    const { accountId } = req.params
    const fields = parseBody(MembershipFields, req.body)
    if (!(await storage.members.get(negotiation.id, accountId))) throw notAMember()
    const membership = await checkedMembership(storage, negotiation.id, fields)
    await storage.members.put(negotiation.id, accountId, membership)
    registry.closeConnections(
      { accountId, negotiationId: negotiation.id },
      CloseCode.MembershipChanged,
      'Your role changed; reconnecting with your new access.',
    )
    res.json({ member: { accountId, ...membershipJson(membership) } })
  })

  router.delete('/negotiations/:id/members/:accountId', async (req, res) => {
    const { negotiation } = authorize(res, { type: 'manage-members' })
    const { accountId } = req.params
    if (!(await storage.members.remove(negotiation.id, accountId))) throw notAMember()
    registry.closeConnections(
      { accountId, negotiationId: negotiation.id },
      CloseCode.Forbidden,
      'You are no longer a member of this negotiation.',
    )
    res.status(204).end()
  })

  return router
}
