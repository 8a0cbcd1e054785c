import crypto from 'node:crypto'
import type pg from 'pg'
import { coreDdl } from './schema/core'
import { negotiationDdl } from './schema/negotiation'
import { searchDdl } from './schema/search'
import { stancesDdl } from './schema/stances'

// The areas' DDL in the order they run: core first (the others reference its tables). A step is
// named `<area>:<hash of its statement>`: a statement added anywhere in an area's list, or
// changed, runs once on every database; statements are idempotent, so a changed one that finds
// its object already there does no harm.
const AREAS: [string, string[]][] = [
  ['core', coreDdl],
  ['negotiation', negotiationDdl],
  ['stances', stancesDdl],
  ['search', searchDdl],
]

/** Every migration step by name, in the order they run. */
export const MIGRATION_STEPS: { name: string; sql: string }[] = AREAS.flatMap(([area, ddl]) =>
  ddl.map((sql) => ({
    name: `${area}:${crypto.createHash('sha256').update(sql).digest('hex').slice(0, 16)}`,
    sql,
  })),
)

/**
 * Brings the connection's schema up to date: the steps not yet recorded in schema_migrations run
 * in one transaction under an advisory lock on the schema, so that two instances starting at once
 * run them once (the second waits for the first to commit, then finds them done). Safe to call
 * at every start; answers the names of the steps it ran.
 */
export async function migrate(client: pg.ClientBase): Promise<string[]> {
  await client.query('BEGIN')
  try {
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('plenary:migrate:' || current_schema(), 0))`,
    )
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name       TEXT PRIMARY KEY,
      applied_at TEXT NOT NULL
    )`)
    const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations')
    const done = new Set(rows.map((r) => r.name))
    const ran: string[] = []
    for (const step of MIGRATION_STEPS) {
      if (done.has(step.name)) continue
      await client.query(step.sql)
      await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [
        step.name,
        new Date().toISOString(),
      ])
      ran.push(step.name)
      done.add(step.name) // the same statement twice in a list runs once
    }
    await client.query('COMMIT')
    return ran
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}
