import { Router } from 'express'
import { CloseCode } from '../../../shared/collab'
import { requireAuthOf } from '../auth/authenticate'
import { authorize } from '../auth/negotiationAccess'
import { MembershipFields, checkedMembership, membershipJson } from '../auth/membershipFields'
import type { RoomRegistry } from '../collab/rooms'
import { appendEvent } from '../history/events'
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
    const { negotiation, principal } = authorize(res, { type: 'manage-members' })
    const { accountId } = req.params
    const fields = parseBody(MembershipFields, req.body)
    if (!(await storage.members.get(negotiation.id, accountId))) throw notAMember()
    const membership = await checkedMembership(storage, negotiation.id, fields)
    const previous = await storage.members.get(negotiation.id, accountId)
    await storage.members.put(negotiation.id, accountId, membership)
    await appendEvent(storage, {
      negotiationId: negotiation.id,
      type: 'member-changed',
      accountId: principal.accountId,
      byName: requireAuthOf(res).account.displayName,
      actorId: membership.role === 'delegate' ? membership.actorId : null,
      data: { memberAccountId: accountId, ...membershipJson(membership), previous },
    })
    registry.closeConnections(
      { accountId, negotiationId: negotiation.id },
      CloseCode.MembershipChanged,
      'Your role changed; reconnecting with your new access.',
    )
    res.json({ member: { accountId, ...membershipJson(membership) } })
  })

  router.delete('/negotiations/:id/members/:accountId', async (req, res) => {
    const { negotiation, principal } = authorize(res, { type: 'manage-members' })
    const { accountId } = req.params
    const previous = await storage.members.get(negotiation.id, accountId)
    if (!(await storage.members.remove(negotiation.id, accountId))) throw notAMember()
    await appendEvent(storage, {
      negotiationId: negotiation.id,
      type: 'member-removed',
      accountId: principal.accountId,
      byName: requireAuthOf(res).account.displayName,
      actorId: previous?.role === 'delegate' ? previous.actorId : null,
      data: { memberAccountId: accountId, previous },
    })
    registry.closeConnections(
      { accountId, negotiationId: negotiation.id },
      CloseCode.Forbidden,
      'You are no longer a member of this negotiation.',
    )
    res.status(204).end()
  })

  return router
}
