/** Which proxies' X-Forwarded-For and X-Forwarded-Proto to believe, as Express's `trust proxy`. */
export type TrustProxy = boolean | number | string

/**
 * Reads TRUST_PROXY: unset or empty trusts nobody; `true`/`false`; a number of proxy hops
 * in front of us; or a comma-separated list of addresses, subnets or Express's names
 * (loopback, linklocal, uniquelocal), which Express checks when it is set.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const v = value?.trim()
  if (!v) return undefined
  if (v === 'true' || v === 'false') return v === 'true'
  if (/^\d+$/.test(v)) return Number(v)
  return v
}
