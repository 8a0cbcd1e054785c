/**
 * A `*Writes` interface as SQLite implements it: every method synchronous (better-sqlite3), its
 * promise's value returned directly.
 */
export type Synchronous<W> = {
  [K in keyof W]: W[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : W[K]
}

/**
 * The `*Writes` interface over synchronous writes, for a transaction's callback to await: each
 * method runs its write at once and answers a settled promise (a throw becomes a rejection).
 * `methods` names every method, so that a method added to the interface cannot be forgotten.
 */
export function promised<W>(sync: Synchronous<W>, methods: Record<keyof W, true>): W {
  const writes: Record<string, unknown> = {}
  for (const name of Object.keys(methods)) {
    const method = (sync as Record<string, (...args: unknown[]) => unknown>)[name]!
    writes[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve(method.apply(sync, args))
      } catch (error) {
        return Promise.reject(error as Error)
      }
    }
  }
  return writes as W
}
