import type { Storage } from '../storage/Storage'
import { SESSION_MS } from './cookies'
import { hashSecret, newSecret } from './secrets'

/** Starts a session for an account; the token goes into the cookie and nowhere else. */
export async function startSession(
  storage: Storage,
  accountId: string,
  lifetimeMs = SESSION_MS,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret()
  const now = new Date()
  const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString()
  await storage.credentials.createSession({
    tokenHash: hashSecret(token),
    accountId,
    createdAt: now.toISOString(),
    expiresAt,
  })
  return { token, expiresAt }
}
