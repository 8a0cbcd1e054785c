// The cost per keystroke of a room append: PostgreSQL (one autocommit statement that takes the
// room's seq row lock and inserts, durable on return) against SQLite (WAL, synchronous=NORMAL),
// each awaited one after the other as a live room does. Run alone: `tsx bench/storage/appendBench.ts`
// (DATABASE_URL: the PostgreSQL to use; a schema of its own is made and dropped).
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import * as Y from 'yjs'
import type { Storage } from '../../server/src/storage/Storage'
import { PgStorage } from '../../server/src/storage/postgres/PgStorage'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'

/** Microseconds per append on each backend, and PostgreSQL's cost as a multiple of SQLite's. */
export interface AppendCost {
  appends: number
  sqliteUs: number
  postgresUs: number
  /** The same keystrokes as plain INSERTs numbered by a shared bigserial: the floor (unsafe). */
  plainInsertUs: number
  ratio: number
}

// One-character keystrokes as a typist makes them (about 20 bytes each).
function keystrokes(n: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const text = doc.getText('t')
  for (let i = 0; i < n; i += 1) text.insert(text.length, 'abcdefghij'[i % 10] ?? 'a')
  return updates
}

async function timeAppends(storage: Storage, updates: Uint8Array[]): Promise<number> {
  // A warm-up room first, so that connections and statements are ready.
  for (const u of updates.slice(0, 50)) await storage.appendUpdate('bench/warm', u)
  const start = process.hrtime.bigint()
  for (const u of updates) await storage.appendUpdate('bench/text', u)
  return Number(process.hrtime.bigint() - start) / 1000 / updates.length
}

/** Appends `appends` keystrokes one at a time to each backend and answers the cost of each. */
export async function benchAppend(appends: number, databaseUrl: string): Promise<AppendCost> {
  const updates = keystrokes(appends)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-append-'))
  const sqlite = new SqliteStorage(path.join(dir, 'plenary.sqlite'))
  let sqliteUs: number
  try {
    sqliteUs = await timeAppends(sqlite, updates)
  } finally {
    await sqlite.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const schema = `bench_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  let postgresUs: number
  let plainInsertUs: number
  try {
    const url = new URL(databaseUrl)
    url.searchParams.set('options', `-c search_path=${schema}`)
    const storage = await PgStorage.open(url.toString().replace(/\+/g, '%20'))
    try {
      postgresUs = await timeAppends(storage, updates)
    } finally {
      await storage.close()
    }
    const client = new pg.Client({ connectionString: url.toString().replace(/\+/g, '%20') })
    await client.connect()
    try {
      await client.query(
        'CREATE TABLE plain_updates (seq BIGSERIAL PRIMARY KEY, room TEXT, update_data BYTEA)',
      )
      const insert = 'INSERT INTO plain_updates (room, update_data) VALUES ($1, $2) RETURNING seq'
      for (const u of updates.slice(0, 50)) await client.query(insert, ['bench/warm', u])
      const start = process.hrtime.bigint()
      for (const u of updates) await client.query(insert, ['bench/text', u])
      plainInsertUs = Number(process.hrtime.bigint() - start) / 1000 / updates.length
    } finally {
      await client.end()
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  }
  return { appends, sqliteUs, postgresUs, plainInsertUs, ratio: postgresUs / sqliteUs }
}

/** The result as the bench prints it. */
export const appendCostLines = (c: AppendCost): string[] => [
  `append per keystroke (${c.appends} awaited one by one): SQLite ${c.sqliteUs.toFixed(0)} µs, ` +
    `PostgreSQL ${c.postgresUs.toFixed(0)} µs (${c.ratio.toFixed(1)}× SQLite); ` +
    `a plain INSERT on a shared bigserial ${c.plainInsertUs.toFixed(0)} µs`,
]

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const appends = Number(process.env.BENCH_APPENDS ?? 2000)
  appendCostLines(await benchAppend(appends, url)).forEach((line) => console.log(line))
}
