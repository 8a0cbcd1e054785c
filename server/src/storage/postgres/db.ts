import type pg from 'pg'

/**
 * Where a PostgreSQL store sends its queries: the storage's pool (each query on any free
 * connection) or, inside `atomically`, the transaction's own client. Stores take one in their
 * constructor; PgStorage builds a second set of stores on the transaction's client.
 */
export interface Db {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>
}

/** The first row of a query, or null. */
export async function one<R extends pg.QueryResultRow>(
  db: Db,
  text: string,
  values: unknown[] = [],
): Promise<R | null> {
  const { rows } = await db.query<R>(text, values)
  return rows[0] ?? null
}

/** Every row of a query. */
export async function all<R extends pg.QueryResultRow>(
  db: Db,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  return (await db.query<R>(text, values)).rows
}

/** A bytea column as the Uint8Array the rest of the server uses (pg hands out Buffers). */
export const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/** Whether an error is PostgreSQL's unique violation (23505), e.g. a taken id. */
export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'
