import type { Pool, PoolClient } from 'pg'

/**
 * What a PostgreSQL store runs its queries on: the pool (each call on its own), or the client of
 * the transaction `PgStorage.atomically` holds open (every call part of that transaction).
 */
export type PgQueryable = Pool | PoolClient

// A pool client can be released; the pool cannot.
const isClient = (db: PgQueryable): db is PoolClient => 'release' in db

/**
 * Runs `work` in one transaction: on the transaction's own client when the store was built on
 * one (it is already inside `atomically`, which commits or rolls back everything together), or
 * else on a client taken from the pool for a BEGIN … COMMIT of its own, rolled back if it throws.
 */
export async function storeTransaction<T>(
  db: PgQueryable,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  if (isClient(db)) return work(db)
  const client = await db.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const value = await work(client)
    await client.query('COMMIT')
    return value
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => {
      // A connection that cannot roll back is not given back to the pool.
      broken = e
    })
    throw error
  } finally {
    client.release(broken)
  }
}

/**
 * An advisory lock key for `name`, scoped to the schema the connection works in (tests share one
 * database, each in its own schema): pass the SQL as the argument of pg_advisory_xact_lock.
 */
export const schemaLockKey = (param: string): string =>
  `hashtextextended(current_schema() || ':' || ${param}, 0)`
