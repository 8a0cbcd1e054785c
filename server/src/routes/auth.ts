import { Router } from 'express'
import { z } from 'zod'
import { CloseCode } from '../../../shared/collab'
import { authOf } from '../auth/authenticate'
import { clearedSessionCookie, sessionCookie } from '../auth/cookies'
import type { LoginLimiter } from '../auth/LoginLimiter'
import { MAX_PASSWORD_LENGTH, verifyDecoy, verifyPassword } from '../auth/passwords'
import { wantsSecureCookie } from '../auth/secureCookies'
import { startSession } from '../auth/sessions'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { Storage } from '../storage/Storage'
import { meJson } from './me'

const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
})

/** What the sign-in routes need. */
export interface AuthRouteDeps {
  storage: Storage
  registry: RoomRegistry
  limiter: LoginLimiter
  publicOrigin?: string
  /** How long a session lasts (default 14 days). */
  sessionLifetimeMs?: number
}

/** POST /api/auth/login (rate-limited) and POST /api/auth/logout. */
export function authRoutes(deps: AuthRouteDeps): Router {
  const { storage, registry, limiter, publicOrigin, sessionLifetimeMs } = deps
  const router = Router()

  router.post('/auth/login', async (req, res) => {
    const { username, password } = parseBody(LoginBody, req.body)
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown'
    const wait = await limiter.retryAfter(username, address)
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait))
      throw new HttpError(429, 'rate_limited', 'Too many failed sign-ins; try again later.')
    }
    const account = await storage.accounts.findByUsername(username)
    // One answer, after the same work, for an unknown username and for a wrong password.
    const valid = account
      ? await verifyPassword(password, account.passwordHash)
      : await verifyDecoy(password)
    if (!account || !valid) {
      await limiter.recordFailure(username, address)
      throw new HttpError(401, 'invalid_credentials', 'Wrong username or password.')
    }
    await limiter.recordSuccess(username)
    const { token } = await startSession(storage, account.id, sessionLifetimeMs)
    const secure = wantsSecureCookie(req, publicOrigin)
    res.setHeader('Set-Cookie', sessionCookie(token, secure, sessionLifetimeMs))
    res.json({ me: await meJson(storage, account) })
  })

  router.post('/auth/logout', async (req, res) => {
    const auth = authOf(res)
    if (auth?.via === 'session') {
      await storage.credentials.deleteSession(auth.sessionId)
      registry.closeConnections(
        { accountId: auth.account.id, sessionId: auth.sessionId },
        CloseCode.Unauthenticated,
        'Signed out.',
      )
    }
    res.setHeader('Set-Cookie', clearedSessionCookie(wantsSecureCookie(req, publicOrigin)))
    res.status(204).end()
  })

  return router
}
