import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { CloseCode } from '../../../shared/collab'
import { authOf, requireAuthOf } from '../auth/authenticate'
import { membershipJson } from '../auth/membershipFields'
import { hashSecret, newApiTokenSecret } from '../auth/secrets'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { Account } from '../storage/AccountStore'
import type { ApiToken } from '../storage/CredentialStore'
import type { Storage } from '../storage/Storage'

const TokenBody = z.object({ name: z.string().trim().min(1).max(100) })

/** Who is signed in and where they take part, as GET /api/me and sign-in answer it. */
export async function meJson(storage: Storage, account: Account) {
  const memberships = await storage.members.listForAccount(account.id)
  return {
    account: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      isAdmin: account.isAdmin,
    },
    memberships: memberships.map((m) => ({
      negotiationId: m.negotiationId,
      negotiationName: m.negotiationName,
      ...membershipJson(m.membership),
      ...(m.groupName === undefined ? {} : { groupName: m.groupName }),
    })),
  }
}

const tokenJson = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
})

/**
 * GET /api/me (`{ me: null }` for a visitor nobody signed in); the caller's API tokens: POST, GET
 * and DELETE /api/me/tokens.
 */
export function meRoutes(storage: Storage, registry: RoomRegistry): Router {
  const router = Router()

  router.get('/me', async (req, res) => {
    const auth = authOf(res)
    // Being signed out is an answer to "who am I", not an error a browser logs on every visit;
    // an API token that is refused still is one, so that a script learns its token is bad.
    if (!auth && req.headers.authorization === undefined) return void res.json({ me: null })
    res.json({ me: await meJson(storage, requireAuthOf(res).account) })
  })

  router.post('/me/tokens', async (req, res) => {
    const { account } = requireAuthOf(res)
    const { name } = parseBody(TokenBody, req.body)
    const secret = newApiTokenSecret()
    const token: ApiToken = {
      id: randomUUID(),
      accountId: account.id,
      name,
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
    }
    await storage.credentials.createApiToken(token, hashSecret(secret))
    // The secret is in this answer and nowhere else; only its hash is stored.
    res.status(201).json({ token: tokenJson(token), secret })
  })

  router.get('/me/tokens', async (_req, res) => {
    const { account } = requireAuthOf(res)
    const tokens = await storage.credentials.listApiTokens(account.id)
    res.json({ tokens: tokens.map(tokenJson) })
  })

  router.delete('/me/tokens/:tokenId', async (req, res) => {
    const { account } = requireAuthOf(res)
    const tokenId = req.params.tokenId
    if (!(await storage.credentials.deleteApiToken(account.id, tokenId))) {
      throw new HttpError(404, 'token_not_found', 'You have no such API token.')
    }
    registry.closeConnections(
      { accountId: account.id, tokenId },
      CloseCode.Unauthenticated,
      'This API token was revoked.',
    )
    res.status(204).end()
  })

  return router
}
