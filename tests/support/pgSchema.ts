import crypto from 'node:crypto'
import pg from 'pg'

/** The PostgreSQL the tests use: local, user postgres, database `test` (each test its own schema). */
export const TEST_DATABASE_URL =
  process.env.PLENARY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A schema of its own in the test database, and the URL whose connections work in it. */
export interface PgSchema {
  /** The connection string: every connection made with it has the schema as its search_path. */
  url: string
  /** The schema's name, `t_<random>`. */
  schema: string
  /** Drops the schema and everything in it. */
  drop(): Promise<void>
}

/** The URL of `base` whose connections use `schema` (pg 8.23.1 honours libpq's `options`). */
export const urlWithSchema = (base: string, schema: string): string => {
  const url = new URL(base)
  url.searchParams.set('options', `-c search_path=${schema}`)
  // URLSearchParams writes spaces as '+', which pg-connection-string does not read back as a space.
  return url.toString().replace(/\+/g, '%20')
}

// Runs one statement on a connection of its own (the tests share the database, not a pool).
async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** Creates an empty schema `t_<random>` in the test database; drop it when the test is done. */
export async function freshPgSchema(): Promise<PgSchema> {
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`
  await adminQuery(`CREATE SCHEMA ${schema}`)
  return {
    url: urlWithSchema(TEST_DATABASE_URL, schema),
    schema,
    drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  }
}
