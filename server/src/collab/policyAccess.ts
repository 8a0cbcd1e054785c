import type { IncomingMessage } from 'node:http'
import { CloseCode, type RoomRef } from '../../../shared/collab'
import { isDelegationGroupId } from '../../../shared/domain/groups'
import { PUBLIC_NOTES, roomAccess, type DraftFacts } from '../../../shared/domain/policy'
import { sessionFacts, type SessionFacts } from '../../../shared/domain/sessions'
import { authenticateSession, authenticateToken, type Auth } from '../auth/authenticate'
import { sessionTokenOf } from '../auth/cookies'
import { principalIn } from '../auth/negotiationAccess'
import { isServerOrigin } from '../auth/origin'
import type { Storage } from '../storage/Storage'
import { draftFacts } from '../proposals/visibility'
import type { AccessDecider, Grant, Refusal } from './access'

const unauthenticated: Refusal = {
  code: CloseCode.Unauthenticated,
  reason: 'Sign in first, or connect with ?token=<API token>.',
}
// One answer for every room a person may not open, whether or not it exists.
const forbidden: Refusal = { code: CloseCode.Forbidden, reason: 'You may not open this room.' }
const crossSite: Refusal = {
  code: CloseCode.Forbidden,
  reason: 'A signed-in connection must come from a Plenary page.',
}

/**
 * The server's access decider: an API token in `?token=` (programs) or the session cookie
 * (browsers, whose Origin must be this server: no cross-site websocket hijacking), then the
 * policy's roomAccess for that account's membership in the room's negotiation.
 */
export function policyAccess(storage: Storage, publicOrigin?: string): AccessDecider {
  return async (ref: RoomRef, request: IncomingMessage): Promise<Grant | Refusal> => {
    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token')
    let auth: Auth | null = null
    if (token !== null) {
      auth = await authenticateToken(storage, token)
    } else {
      const session = sessionTokenOf(request.headers.cookie)
      if (session !== null) {
        const origin = request.headers.origin
        if (!origin || !isServerOrigin(origin, request, publicOrigin)) return crossSite
        auth = await authenticateSession(storage, session)
      }
    }
    if (!auth) return unauthenticated
    const principal = await principalIn(storage, auth.account, ref.negotiationId)
    // A draft room's access follows its proposal; an unknown proposal gives no facts, and so
    // the same refusal as one the principal may not open.
    const access = roomAccess(
      principal,
      ref,
      await draftFactsOf(storage, ref),
      await sessionFactsOf(storage, ref),
    )
    if (access === 'none') return forbidden
    // A group's notes room opens only for a group that exists, and refuses one that does not
    // exactly as it refuses a group the principal is not in. A delegation's group exists as
    // long as the delegate's membership names its actor, which roomAccess checked.
    if (ref.kind === 'notes' && ref.key !== PUBLIC_NOTES && !isDelegationGroupId(ref.key)) {
      if (!(await storage.members.getGroup(ref.negotiationId, ref.key))) return forbidden
    }
    const account = { accountId: auth.account.id, username: auth.account.username }
    const owner =
      auth.via === 'session'
        ? { ...account, sessionId: auth.sessionId, expiresAt: auth.expiresAt }
        : { ...account, tokenId: auth.tokenId }
    return { access, owner }
  }
}

// The facts of the proposal behind a draft room, or undefined for other rooms and unknown ids.
async function draftFactsOf(storage: Storage, ref: RoomRef): Promise<DraftFacts | undefined> {
  if (ref.kind !== 'draft') return undefined
  const proposal = await storage.proposals.get(ref.negotiationId, ref.key)
  return proposal ? draftFacts(proposal) : undefined
}

// The facts of the session behind a session room, or undefined for other rooms and unknown ids.
async function sessionFactsOf(storage: Storage, ref: RoomRef): Promise<SessionFacts | undefined> {
  if (ref.kind !== 'session') return undefined
  const session = await storage.sessions.get(ref.negotiationId, ref.key)
  return session ? sessionFacts(session) : undefined
}
