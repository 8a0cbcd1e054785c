import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import * as Y from 'yjs'
import { openStorage } from '../../server/src/storage/openStorage'
import type { Storage } from '../../server/src/storage/Storage'

/** Microseconds per room append on each backend, and PostgreSQL's as a multiple of SQLite's. */
export interface AppendCost {
  appends: number
  sqliteUs: number
  postgresUs: number
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

// Awaited one after the other, as a live room stores its clients' updates before sending them.
async function timeAppends(storage: Storage, updates: Uint8Array[]): Promise<number> {
  for (const u of updates.slice(0, 50)) await storage.appendUpdate('bench/warm', u)
  const start = process.hrtime.bigint()
  for (const u of updates) await storage.appendUpdate('bench/text', u)
  return Number(process.hrtime.bigint() - start) / 1000 / updates.length
}

/**
 * The cost per keystroke of the durable append on each backend as the server opens it
 * (`openStorage`): SQLite in a fresh folder, PostgreSQL in a fresh schema of `databaseUrl`.
 */
export async function appendCost(appends: number, databaseUrl: string): Promise<AppendCost> {
  const updates = keystrokes(appends)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-append-'))
  const schema = `bench_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  try {
    const sqlite = await openStorage(dir)
    const sqliteUs = await timeAppends(sqlite, updates).finally(() => sqlite.close())
    await admin.query(`CREATE SCHEMA ${schema}`)
    const url = new URL(databaseUrl)
    url.searchParams.set('options', `-c search_path=${schema}`)
    const postgres = await openStorage(dir, { databaseUrl: url.toString().replace(/\+/g, '%20') })
    const postgresUs = await timeAppends(postgres, updates).finally(() => postgres.close())
    return { appends, sqliteUs, postgresUs }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The result as the bench prints it. */
export const appendCostLines = (c: AppendCost): string[] => [
  `  append per keystroke (${c.appends} awaited one by one, durable on return): SQLite ` +
    `${c.sqliteUs.toFixed(0)} µs, PostgreSQL ${c.postgresUs.toFixed(0)} µs ` +
    `(${(c.postgresUs / c.sqliteUs).toFixed(1)}x SQLite)`,
]
