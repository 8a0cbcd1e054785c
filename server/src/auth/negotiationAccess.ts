import type { RequestHandler, Response } from 'express'
import { can, type Action, type Principal } from '../../../shared/domain/policy'
import { HttpError } from '../http/errors'
import { coalitionsOfActor } from '../groups/coalitions'
import type { Account } from '../storage/AccountStore'
import type { Negotiation, Storage } from '../storage/Storage'
import { requireAuthOf } from './authenticate'

/** The negotiation a request is about, and who is asking, with their membership in it. */
export interface NegotiationAccess {
  negotiation: Negotiation
  principal: Principal
}

/** An account as the policy sees it in one negotiation. */
export async function principalIn(
  storage: Storage,
  account: Account,
  negotiationId: string,
): Promise<Principal> {
  const membership = await storage.members.get(negotiationId, account.id)
  // A delegate is also in the coalitions its state belongs to now (issue 13).
  const coalitions =
    membership?.role === 'delegate'
      ? await coalitionsOfActor(storage, negotiationId, membership.actorId)
      : []
  return {
    accountId: account.id,
    isAdmin: account.isAdmin,
    membership,
    ...(coalitions.length > 0 ? { coalitions } : {}),
  }
}

/**
 * Middleware on `/api/negotiations/:id`: 401 without a credential; 403 not_a_member unless a
 * member or an admin, the same whether or not the negotiation exists (an admin gets the 404);
 * then `negotiationAccessOf(res)` holds the negotiation and the principal for the routes.
 */
export function negotiationGate(storage: Storage): RequestHandler {
  return async (req, res, next) => {
    const { account } = requireAuthOf(res)
    const id = String(req.params.id)
    const negotiation = await storage.getNegotiation(id)
    const principal = await principalIn(storage, account, id)
    const decision = can(principal, { type: 'read-negotiation' })
    if (!decision.ok) throw new HttpError(403, 'not_a_member', decision.reason)
    if (!negotiation) throw new HttpError(404, 'negotiation_not_found', `No negotiation "${id}".`)
    res.locals.negotiationAccess = { negotiation, principal } satisfies NegotiationAccess
    next()
  }
}

/** The negotiation and principal `negotiationGate` resolved for this request. */
export function negotiationAccessOf(res: Response): NegotiationAccess {
  const access = res.locals.negotiationAccess as NegotiationAccess | undefined
  if (!access) throw new Error('negotiationGate must run before this route')
  return access
}

/** The gate's access, and 403 `forbidden` with the policy's sentence unless `action` is allowed. */
export function authorize(res: Response, action: Action): NegotiationAccess {
  const access = negotiationAccessOf(res)
  const decision = can(access.principal, action)
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  return access
}
