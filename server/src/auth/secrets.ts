import { createHash, randomBytes } from 'node:crypto'

/** The prefix of API token secrets, so that a leaked one is recognisable (and scannable). */
export const API_TOKEN_PREFIX = 'plt_'

/** A fresh random secret: 32 bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url')

/** A fresh API token secret: `plt_` and 32 random bytes. */
export const newApiTokenSecret = (): string => `${API_TOKEN_PREFIX}${newSecret()}`

/** The SHA-256 of a secret, hex: the only form in which sessions and tokens are stored. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex')
