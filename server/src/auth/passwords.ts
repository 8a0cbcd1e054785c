import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// OWASP's scrypt equivalent of N=2^17, r=8, p=1 at a quarter of the memory: 16 MiB per hash.
const COST = { N: 2 ** 14, r: 8, p: 5 }
const KEY_BYTES = 32
const SALT_BYTES = 16
// Room for the largest parameters we accept from a stored hash (128 * N * r, plus slack).
const MAX_MEMORY = 256 * 1024 * 1024

/** The shortest password Plenary accepts for a new account. */
export const MIN_PASSWORD_LENGTH = 10
/** The longest password Plenary accepts (scrypt takes any length; this bounds the work). */
export const MAX_PASSWORD_LENGTH = 200

const derive = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, { ...options, maxmem: MAX_MEMORY }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  )

/** Hashes a password with scrypt: `scrypt$N$r$p$salt$hash` (base64url), parameters and all. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, KEY_BYTES, COST)
  const { N, r, p } = COST
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Whether a password matches a stored hash; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const options = { N: Number(n), r: Number(r), p: Number(p) }
  if (![options.N, options.r, options.p].every(Number.isSafeInteger)) return false
  const key = await derive(password, Buffer.from(salt, 'base64url'), expected.length, options)
  return timingSafeEqual(key, expected)
}

// A hash of nothing anyone knows, checked when a username is unknown so that the answer takes
// as long as for a known one (no username oracle by timing).
let decoy: Promise<string> | undefined

/** Spends the time of one password check against a hash that never matches. */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'))
  await verifyPassword(password, await decoy)
  return false
}
