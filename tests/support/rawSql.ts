import type { Storage } from '../../server/src/storage/Storage'

// What the two storages hold privately: SQLite its better-sqlite3 database, PostgreSQL its pool.
interface Inside {
  db?: { exec(sql: string): unknown }
  pool?: { query(sql: string): Promise<unknown> }
}

/**
 * Runs one SQL statement on a storage's own database, behind its API: what a test uses to show
 * that the database itself refuses a change (append-only triggers), whichever backend it is.
 */
export function rawSql(storage: Storage): (sql: string) => Promise<void> {
  const inside = storage as unknown as Inside
  const { pool, db } = inside
  if (pool) {
    return async (sql) => {
      await pool.query(sql)
    }
  }
  if (db) {
    return async (sql) => {
      db.exec(sql)
    }
  }
  throw new Error('rawSql: neither a SQLite database nor a PostgreSQL pool in this storage')
}
