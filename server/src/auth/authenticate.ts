import type { IncomingHttpHeaders } from 'node:http'
import type { RequestHandler, Response } from 'express'
import { HttpError } from '../http/errors'
import type { Account } from '../storage/AccountStore'
import type { Storage } from '../storage/Storage'
import { sessionTokenOf } from './cookies'
import { API_TOKEN_PREFIX, hashSecret } from './secrets'

/** Who a request or connection comes from, and by which credential. */
export type Auth =
  | { account: Account; via: 'session'; sessionId: string; expiresAt: string }
  | { account: Account; via: 'token'; tokenId: string }

/** The account behind a session token, or null if there is no such unexpired session. */
export async function authenticateSession(storage: Storage, token: string): Promise<Auth | null> {
  const tokenHash = hashSecret(token)
  const session = await storage.credentials.findSession(tokenHash, new Date().toISOString())
  const account = session && (await storage.accounts.get(session.accountId))
  return account && session
    ? { account, via: 'session', sessionId: tokenHash, expiresAt: session.expiresAt }
    : null
}

/** The account behind an API token secret (`plt_…`), or null. */
export async function authenticateToken(storage: Storage, secret: string): Promise<Auth | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX)) return null
  const token = await storage.credentials.useApiToken(hashSecret(secret), new Date().toISOString())
  const account = token && (await storage.accounts.get(token.accountId))
  return account ? { account, via: 'token', tokenId: token.id } : null
}

/**
 * The credential of a REST request: `Authorization: Bearer <api token>` if the header is there
 * (and then only it), else the session cookie. Null when there is none or it is not valid.
 */
export async function authenticateHeaders(
  storage: Storage,
  headers: IncomingHttpHeaders,
): Promise<Auth | null> {
  const authorization = headers.authorization
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    return match?.[1] ? authenticateToken(storage, match[1]) : null
  }
  const session = sessionTokenOf(headers.cookie)
  return session ? authenticateSession(storage, session) : null
}

/** Middleware: resolves the request's credential into `res.locals.auth` (null if none). */
export function authenticate(storage: Storage): RequestHandler {
  return async (req, res, next) => {
    res.locals.auth = await authenticateHeaders(storage, req.headers)
    next()
  }
}

/** The request's credential, or null (after `authenticate`). */
export const authOf = (res: Response): Auth | null => (res.locals.auth as Auth | null) ?? null

/** The request's credential; throws 401 unauthenticated if there is none. */
export function requireAuthOf(res: Response): Auth {
  const auth = authOf(res)
  if (!auth) throw new HttpError(401, 'unauthenticated', 'Sign in first.')
  return auth
}

/** Middleware: 401 unless the request carries a valid session or API token. */
export const requireAuth: RequestHandler = (_req, res, next) => {
  requireAuthOf(res)
  next()
}

/** Middleware: 401 without a credential, 403 unless its account is an administrator. */
export function requireAdmin(sentence: string): RequestHandler {
  return (_req, res, next) => {
    if (!requireAuthOf(res).account.isAdmin) throw new HttpError(403, 'forbidden', sentence)
    next()
  }
}
