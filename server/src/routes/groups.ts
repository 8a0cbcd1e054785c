import type { SerialQueue } from '../proposals/SerialQueue'
import { Router, type Response } from 'express'
import { CloseCode } from '../../../shared/collab'
import { CoalitionMembershipInput, GroupInput } from '../../../shared/domain/groups'
import { requireAuthOf } from '../auth/authenticate'
import { authorize, negotiationAccessOf } from '../auth/negotiationAccess'
import { notesRoom } from '../annotations/notes'
import type { RoomRegistry } from '../collab/rooms'
import {
  createGroup,
  groupViews,
  setCoalitionMembers,
  type GroupContext,
  type GroupRefusal,
} from '../groups/coalitions'
import { HttpError } from '../http/errors'
import { draftRoom } from '../proposals/visibility'
import { parseBody } from '../http/parseBody'
import type { Storage } from '../storage/Storage'

// A group command's refusal at the HTTP edge.
function refusal(r: GroupRefusal, groupId: string): HttpError {
  switch (r.reason) {
    case 'group-taken':
      return new HttpError(409, 'group_taken', `A group "${groupId}" exists.`)
    case 'group-not-found':
    case 'not-a-coalition':
      return new HttpError(404, 'group_not_found', `No coalition "${groupId}" in this negotiation.`)
    case 'unknown-actor':
      return new HttpError(
        400,
        'unknown_actor',
        `"${r.actorId}" does not take part in this negotiation.`,
      )
    case 'unknown-round':
      return new HttpError(400, 'unknown_round', `No round "${r.roundId}" in this negotiation.`)
  }
}

/**
 * Groups of every kind, after negotiationGate: GET .../groups (every member: the stored
 * campaign groups and coalitions, and the caller's own delegation), POST .../groups and
 * PUT .../groups/:gid/members (the chair). A coalition's new list cuts the live connections to
 * its notes room and to its drafts so that they reconnect with their access: those who left
 * are refused.
 */
export function groupRoutes(
  storage: Storage,
  registry?: RoomRegistry,
  queue?: SerialQueue,
): Router {
  const router = Router()
  const ctx = (res: Response): GroupContext => {
    const { negotiation, principal } = authorize(res, { type: 'manage-members' })
    return {
      storage,
      principal,
      byName: requireAuthOf(res).account.displayName,
      negotiationId: negotiation.id,
    }
  }

  router.get('/negotiations/:id/groups', async (_req, res) => {
    const { negotiation, principal } = negotiationAccessOf(res)
    res.json({ groups: await groupViews(storage, negotiation.id, principal) })
  })

  router.post('/negotiations/:id/groups', async (req, res) => {
    const c = ctx(res)
    const input = parseBody(GroupInput, req.body)
    if (input.kind !== 'coalition' && (input.actorIds !== undefined || input.roundId != null)) {
      throw new HttpError(400, 'invalid_request', 'actorIds: only a coalition has member states.')
    }
    const created = await createGroup(c, input)
    if (!created.ok) throw refusal(created, input.id)
    res.status(201).json({ group: created.group })
  })

  router.put('/negotiations/:id/groups/:gid/members', async (req, res) => {
    const c = ctx(res)
    const gid = String(req.params.gid)
    const input = parseBody(CoalitionMembershipInput, req.body)
    // One at a time with the proposal commands, since its drafts' sponsors follow the list.
    const change = () => setCoalitionMembers(c, gid, input)
    const changed = queue ? await queue.run(c.negotiationId, change) : await change()
    if (!changed.ok) throw refusal(changed, gid)
    if (registry && (changed.left ?? []).length > 0) {
      // Everyone in the coalition's notes room reconnects and is admitted by the new list.
      await registry.closeRoom(
        notesRoom(c.negotiationId, gid),
        CloseCode.MembershipChanged,
        'The coalition’s members changed; reconnecting with your access.',
      )
    }
    // Its drafts' sponsors followed its members: their writers reconnect with their access.
    for (const proposalId of changed.drafts ?? []) {
      await registry?.closeRoom(
        draftRoom(c.negotiationId, proposalId),
        CloseCode.MembershipChanged,
        'The coalition’s members changed; reconnecting with your access.',
      )
    }
    res.json({ group: changed.group })
  })

  return router
}
