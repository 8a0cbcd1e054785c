import { randomUUID } from 'node:crypto'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { CloseCode } from '../../../shared/collab'
import type { Membership } from '../../../shared/domain/policy'
import { getActor } from '../actors/catalogue'
import { authOf } from '../auth/authenticate'
import { sessionCookie } from '../auth/cookies'
import { MembershipFields, checkedMembership, membershipJson } from '../auth/membershipFields'
import { authorize } from '../auth/negotiationAccess'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword } from '../auth/passwords'
import { wantsSecureCookie } from '../auth/secureCookies'
import { hashSecret, newSecret } from '../auth/secrets'
import { startSession } from '../auth/sessions'
import type { RoomRegistry } from '../collab/rooms'
import { appendEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { Invitation, Redeemer } from '../storage/InvitationStore'
import type { Storage } from '../storage/Storage'
import { meJson } from './me'

const DAY_MS = 24 * 60 * 60 * 1000

const InvitationBody = MembershipFields.extend({
  expiresInDays: z.number().int().min(1).max(90).default(14),
})

/** A username: letters, digits and . _ -, starting with a letter or digit. */
const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, '2-32 letters, digits, . _ or -')

const NewAccountBody = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
})

// What a signed-in person may add when accepting: yes, replace my membership in that negotiation.
const AcceptBody = z.object({ replace: z.boolean().optional() })

// The link's token as newSecret makes it: 32 bytes in base64url.
const TOKEN = /^[A-Za-z0-9_-]{43}$/

const invitationJson = (inv: Invitation) => ({
  id: inv.id,
  ...membershipJson(inv.membership),
  createdAt: inv.createdAt,
  expiresAt: inv.expiresAt,
})

/** What the invitation routes need. */
export interface InvitationRouteDeps {
  storage: Storage
  registry: RoomRegistry
  publicOrigin?: string
  /** How long a session lasts (default 14 days). */
  sessionLifetimeMs?: number
}

/**
 * The chair's invitations, after negotiationGate: POST, GET (pending) and DELETE
 * /api/negotiations/:id/invitations[/:invitationId].
 */
export function negotiationInvitationRoutes(storage: Storage): Router {
  const router = Router()

  router.post('/negotiations/:id/invitations', async (req, res) => {
    const { negotiation, principal } = authorize(res, { type: 'manage-members' })
    const { expiresInDays, ...fields } = parseBody(InvitationBody, req.body)
    const membership = await checkedMembership(storage, negotiation.id, fields)
    const token = newSecret()
    const now = Date.now()
    const invitation = await storage.invitations.create({
      tokenHash: hashSecret(token),
      negotiationId: negotiation.id,
      membership,
      createdBy: principal.accountId,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + expiresInDays * DAY_MS).toISOString(),
    })
    // The link is in this answer and nowhere else; only the token's hash is stored.
    res.status(201).json({ invitation: { url: `/invite/${token}`, ...invitationJson(invitation) } })
  })

  router.get('/negotiations/:id/invitations', async (_req, res) => {
    const { negotiation } = authorize(res, { type: 'manage-members' })
    const pending = await storage.invitations.listPending(negotiation.id, new Date().toISOString())
    res.json({ invitations: pending.map(invitationJson) })
  })

  router.delete('/negotiations/:id/invitations/:invitationId', async (req, res) => {
    const { negotiation } = authorize(res, { type: 'manage-members' })
    if (!(await storage.invitations.delete(negotiation.id, req.params.invitationId))) {
      throw new HttpError(404, 'invitation_not_found', 'No such invitation.')
    }
    res.status(204).end()
  })

  return router
}

/**
 * Invitation links for whoever holds one: GET /api/invitations/:token shows what it offers;
 * POST /api/invitations/:token/accept joins as the signed-in person, or with a new account from
 * the body (then signed in). One use only; an expired or used link is 410. A signed-in person
 * with another membership in the negotiation gets 409 membership_exists unless the body says
 * `{ replace: true }`.
 */
export function invitationLinkRoutes(deps: InvitationRouteDeps) {
  const { storage, registry } = deps
  const router = Router()

  router.get('/invitations/:token', async (req, res) => {
    const invitation = await findInvitation(storage, req.params.token)
    const negotiation = await storage.getNegotiation(invitation.negotiationId)
    const m = invitation.membership
    const group =
      m.role === 'campaigner'
        ? await storage.members.getGroup(invitation.negotiationId, m.groupId)
        : null
    res.json({
      invitation: {
        negotiationId: invitation.negotiationId,
        negotiationName: negotiation?.name ?? invitation.negotiationId,
        ...membershipJson(m),
        ...(group ? { groupName: group.name } : {}),
        ...(m.role === 'delegate' ? { actorName: getActor(m.actorId)?.name ?? null } : {}),
        expiresAt: invitation.expiresAt,
        valid: invitation.usedBy === null && invitation.expiresAt > new Date().toISOString(),
      },
    })
  })

  router.post('/invitations/:token/accept', async (req, res) => {
    const token = req.params.token
    const tokenHash = hashSecret(token)
    const found = await findInvitation(storage, token)
    // Refuse a spent link before the work of hashing a new password; redeem checks again.
    if (found.usedBy !== null) throw redeemError('used')
    if (found.expiresAt <= new Date().toISOString()) throw redeemError('expired')
    const auth = authOf(res)
    if (auth && !parseBody(AcceptBody, req.body).replace) {
      await refuseToReplaceSilently(storage, auth.account.id, found)
    }
    const redeemer: Redeemer = auth
      ? { accountId: auth.account.id }
      : { newAccount: await newAccountFrom(req) }
    const result = await storage.invitations.redeem(tokenHash, new Date().toISOString(), redeemer)
    if (!result.ok) throw redeemError(result.reason)
    const { account, invitation, previous } = result
    const m = invitation.membership
    await appendEvent(storage, {
      negotiationId: invitation.negotiationId,
      type: previous ? 'member-changed' : 'member-added',
      accountId: account.id,
      byName: account.displayName,
      actorId: m.role === 'delegate' ? m.actorId : null,
      data: { memberAccountId: account.id, ...membershipJson(m), previous, via: 'invitation' },
    })
    if (previous) {
      registry.closeConnections(
        { accountId: account.id, negotiationId: invitation.negotiationId },
        CloseCode.MembershipChanged,
        'Your role changed; reconnecting with your new access.',
      )
    }
    if (!auth) await signIn(deps, req, res, account.id)
    res.json({
      negotiationId: invitation.negotiationId,
      membership: membershipJson(invitation.membership),
      me: await meJson(storage, account),
    })
  })

  return router
}

/**
 * Throws 409 membership_exists, naming both, if the account has another membership in the
 * invitation's negotiation: accepting would replace it, which the person must ask for.
 */
async function refuseToReplaceSilently(storage: Storage, accountId: string, inv: Invitation) {
  const current = await storage.members.get(inv.negotiationId, accountId)
  const offered = inv.membership
  if (!current || sameMembership(current, offered)) return
  const [now, then] = await Promise.all([
    phrase(storage, inv.negotiationId, current),
    phrase(storage, inv.negotiationId, offered),
  ])
  throw new HttpError(
    409,
    'membership_exists',
    `You are ${now} in this negotiation; accepting makes you ${then} instead. ` +
      'Accept with { "replace": true } to do so.',
    { current: membershipJson(current), offered: membershipJson(offered) },
  )
}

const sameMembership = (a: Membership, b: Membership) =>
  JSON.stringify(membershipJson(a)) === JSON.stringify(membershipJson(b))

// A membership as the object of "you are …": "a campaigner in Cluster Munition Coalition".
async function phrase(storage: Storage, negotiationId: string, m: Membership): Promise<string> {
  switch (m.role) {
    case 'chair':
      return 'the chair'
    case 'observer':
      return 'an observer'
    case 'delegate':
      return `a delegate of ${getActor(m.actorId)?.name ?? m.actorId}`
    case 'campaigner': {
      const group = await storage.members.getGroup(negotiationId, m.groupId)
      return `a campaigner in ${group?.name ?? m.groupId}`
    }
  }
}

async function findInvitation(storage: Storage, token: string): Promise<Invitation> {
  const invitation = TOKEN.test(token)
    ? await storage.invitations.findByTokenHash(hashSecret(token))
    : null
  if (!invitation) throw new HttpError(404, 'invitation_not_found', 'No such invitation link.')
  return invitation
}

async function newAccountFrom(req: Request) {
  const { username, displayName, password } = parseBody(NewAccountBody, req.body)
  return {
    id: randomUUID(),
    username,
    displayName,
    passwordHash: await hashPassword(password),
    isAdmin: false,
  }
}

async function signIn(
  { storage, publicOrigin, sessionLifetimeMs }: InvitationRouteDeps,
  req: Request,
  res: Response,
  accountId: string,
) {
  const { token } = await startSession(storage, accountId, sessionLifetimeMs)
  const secure = wantsSecureCookie(req, publicOrigin)
  res.setHeader('Set-Cookie', sessionCookie(token, secure, sessionLifetimeMs))
}

function redeemError(reason: 'not-found' | 'used' | 'expired' | 'username-taken'): HttpError {
  switch (reason) {
    case 'not-found':
      return new HttpError(404, 'invitation_not_found', 'No such invitation link.')
    case 'used':
      return new HttpError(410, 'invitation_used', 'This invitation link has been used already.')
    case 'expired':
      return new HttpError(410, 'invitation_expired', 'This invitation link has expired.')
    case 'username-taken':
      return new HttpError(409, 'username_taken', 'That username is taken; choose another.')
  }
}
