import { randomBytes, randomUUID } from 'node:crypto'
import type { Storage } from '../storage/Storage'
import { MIN_PASSWORD_LENGTH, hashPassword } from './passwords'

/** The username of the administrator created on a first start. */
export const ADMIN_USERNAME = 'admin'

/**
 * On a first start (no accounts yet), creates the administrator with `password`, or with a
 * generated one that is printed to stdout this once and never again. Says whether it did.
 */
export async function ensureAdmin(storage: Storage, password?: string): Promise<boolean> {
  if ((await storage.accounts.count()) > 0) return false
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long.`)
  }
  const secret = password ?? randomBytes(18).toString('base64url')
  const created = await storage.accounts.create({
    id: randomUUID(),
    username: ADMIN_USERNAME,
    displayName: 'Administrator',
    passwordHash: await hashPassword(secret),
    isAdmin: true,
  })
  if (!created.ok) throw new Error('could not create the admin account')
  if (password === undefined) {
    // The one place a password is ever printed: a fresh install with no ADMIN_PASSWORD.
    console.log(
      `Created the administrator "${ADMIN_USERNAME}" with the password ${secret}\n` +
        'It is shown only this once: sign in and keep it somewhere safe.',
    )
  }
  return true
}
