import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MIGRATION_STEPS } from '../../server/src/storage/postgres/migrations'
import { advisoryLockName, PgStorage } from '../../server/src/storage/postgres/PgStorage'
import { freshPgSchema, type PgSchema } from '../support/pgSchema'

// What only PostgreSQL has to show: several instances (storages) on one schema at once.

// One-word updates typed into one document.
function typing(n: number): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < n; i += 1) doc.getText('t').insert(doc.getText('t').length, `${i} `)
  doc.destroy()
  return updates
}

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  updates.forEach((u) => Y.applyUpdate(doc, u))
  return doc.getText('t').toString()
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('PostgreSQL storage, several instances on one schema', () => {
  let schema: PgSchema
  let opened: PgStorage[]
  let raw: pg.Client | undefined
  const open = async () => {
    const storage = await PgStorage.open(schema.url, { poolSize: 4, lockPoolSize: 2 })
    opened.push(storage)
    return storage
  }
  // A connection of its own, as another process's would be.
  const rawClient = async () => {
    raw = new pg.Client({ connectionString: schema.url })
    await raw.connect()
    return raw
  }
  beforeEach(async () => {
    schema = await freshPgSchema()
    opened = []
  })
  afterEach(async () => {
    await raw?.end().catch(() => undefined)
    raw = undefined
    await Promise.all(opened.map((s) => s.close()))
    await schema.drop()
  })

  it('migrates once when two instances start together, and finds nothing to do on a restart', async () => {
    const [a, b] = await Promise.all([open(), open()])
    const client = await rawClient()
    const { rows } = await client.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
    )
    const steps = [...new Set(MIGRATION_STEPS.map((s) => s.name))]
    expect(rows.map((r) => r.name)).toEqual(steps.sort())
    await a.close()
    await open()
    const again = await client.query('SELECT count(*)::int AS n FROM schema_migrations')
    expect(again.rows[0].n).toBe(steps.length)
    expect(await b.listNegotiations()).toEqual([])
  })

  it('numbers a room 1, 2, 3 … without gaps while two instances append at once', async () => {
    const [a, b] = await Promise.all([open(), open()])
    const updates = typing(60)
    const seqs = await Promise.all(
      updates.map((u, i) => (i % 2 ? a : b).appendUpdate('ccm/text', u)),
    )
    expect([...seqs].sort((x, y) => x - y)).toEqual(updates.map((_, i) => i + 1))
    // Another room counts from 1 on its own.
    expect(await a.appendUpdate('ccm/notes/public', updates[0]!)).toBe(1)
    const state = await b.loadRoomState('ccm/text', 0)
    expect(state.seq).toBe(60)
    expect(textOf(state.updates).split(' ').filter(Boolean).sort()).toEqual(
      updates.map((_, i) => String(i)).sort(),
    )
    // What an instance holding the room up to 40 catches up with: the 20 after it, in seq order.
    const tail = await a.loadRoomState('ccm/text', 40)
    expect(tail.updates).toHaveLength(20)
    expect(tail.seq).toBe(60)
  })

  it('gives a seq taken in a transaction to nobody else, and back to the room if it rolls back', async () => {
    const [a, b] = await Promise.all([open(), open()])
    const [first, second, third] = typing(3)
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const failed = a.atomically(async (tx) => {
      expect(await tx.appendUpdate('ccm/text', first!)).toBe(1)
      await held
      throw new Error('refused')
    })
    await later(50)
    // The other instance's append waits for the room's row, so it can never commit seq 2
    // before seq 1 is decided (a reader at `seq > 2` would skip 1 for ever).
    let appended: number | undefined
    const waiting = b.appendUpdate('ccm/text', second!).then((seq) => (appended = seq))
    await later(100)
    expect(appended).toBeUndefined()
    release()
    await expect(failed).rejects.toThrow('refused')
    expect(await waiting).toBe(1)
    expect(await a.appendUpdate('ccm/text', third!)).toBe(2)
    expect(await a.loadRoomState('ccm/text')).toEqual({ updates: [second, third], seq: 2 })
  })

  it('never hangs when every transaction reads through the pool while it is open', async () => {
    // Pool of 4: six transactions at once, each reading outside its transaction half way.
    const storage = await open()
    const [update] = typing(1)
    const names = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) =>
        storage.atomically(async (tx) => {
          await tx.createNegotiation({ id: `n${i}`, name: `N${i}` }, [])
          await later(20)
          const seen = await storage.listNegotiations() // another connection of the pool
          await tx.appendUpdate(`n${i}/text`, update!)
          return seen.some((n) => n.id === `n${i}`) ? 'saw own' : `n${i}`
        }),
      ),
    )
    // Each read happened outside its transaction: it never saw its own uncommitted negotiation.
    expect(names).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6'])
    expect(await storage.listNegotiations()).toHaveLength(6)
  })

  it('skips a compaction while another instance compacts the room, and does it after', async () => {
    const storage = await open()
    const updates = typing(5)
    for (const u of updates) await storage.appendUpdate('ccm/text', u)
    const doc = new Y.Doc()
    updates.forEach((u) => Y.applyUpdate(doc, u))
    // Another process holds the room's compaction lock.
    const other = await rawClient()
    const key = advisoryLockName(schema.schema, 'compact', 'ccm/text')
    await other.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key])
    await storage.compactWith('ccm/text', Y.encodeStateAsUpdate(doc))
    await storage.compactRoom('ccm/text')
    expect(await storage.pendingUpdates('ccm/text')).toBe(5)
    await other.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
    await storage.compactWith('ccm/text', Y.encodeStateAsUpdate(doc))
    expect(await storage.pendingUpdates('ccm/text')).toBe(0)
    expect(textOf(await storage.loadRoom('ccm/text'))).toBe('0 1 2 3 4 ')
  })

  it('runs exclusive tasks of one key one at a time across instances, and frees a dead one’s lock', async () => {
    const [a, b] = await Promise.all([open(), open()])
    let running = 0
    let most = 0
    const log: string[] = []
    const task = (name: string) => async () => {
      running += 1
      most = Math.max(most, running)
      log.push(name)
      await later(30)
      running -= 1
      return name
    }
    const names = await Promise.all(
      ['a1', 'b1', 'a2', 'b2', 'a3'].map((n) =>
        (n.startsWith('a') ? a : b).exclusive('negotiation:ccm', task(n)),
      ),
    )
    expect(names).toEqual(['a1', 'b1', 'a2', 'b2', 'a3'])
    expect(most).toBe(1)
    expect(log.sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2'])

    // A process holding the lock dies: its session ends and the waiting task goes on.
    const dying = await rawClient()
    const key = advisoryLockName(schema.schema, 'exclusive', 'startup')
    await dying.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key])
    let ran = false
    const waiting = a.exclusive('startup', async () => {
      ran = true
    })
    await later(100)
    expect(ran).toBe(false)
    await dying.end()
    raw = undefined
    await waiting
    expect(ran).toBe(true)
  })

  it('shares sign-in sessions and API tokens between instances; a token’s use is written once a minute', async () => {
    const [a, b] = await Promise.all([open(), open()])
    const made = await a.accounts.create({
      id: 'acc-1',
      username: 'Chair',
      displayName: 'Chair',
      passwordHash: 'h',
      isAdmin: false,
    })
    expect(made.ok).toBe(true)
    expect(await b.accounts.findByUsername('CHAIR')).toMatchObject({ id: 'acc-1' })
    expect(
      await b.accounts.create({
        id: 'acc-2',
        username: 'chair',
        displayName: 'Other',
        passwordHash: 'h',
        isAdmin: false,
      }),
    ).toEqual({ ok: false, reason: 'username-taken' })

    const session = {
      tokenHash: 's1',
      accountId: 'acc-1',
      createdAt: '2026-12-01T10:00:00.000Z',
      expiresAt: '2026-12-15T10:00:00.000Z',
    }
    await a.credentials.createSession(session)
    expect(await b.credentials.findSession('s1', '2026-12-02T00:00:00.000Z')).toEqual(session)
    expect(await b.credentials.findSession('s1', '2026-12-16T00:00:00.000Z')).toBeNull()
    expect(await b.credentials.deleteSession('s1')).toBe(true)
    expect(await a.credentials.findSession('s1', '2026-12-02T00:00:00.000Z')).toBeNull()

    const token = {
      id: 't1',
      accountId: 'acc-1',
      name: 'bot',
      createdAt: '2026-12-01T10:00:00.000Z',
      lastUsedAt: null,
    }
    await a.credentials.createApiToken(token, 'th')
    expect(await b.credentials.useApiToken('th', '2026-12-01T11:00:00.000Z')).toMatchObject({
      lastUsedAt: '2026-12-01T11:00:00.000Z',
    })
    // Within the minute: nothing more to write; the stored time is the first use.
    expect(await b.credentials.useApiToken('th', '2026-12-01T11:00:30.000Z')).toMatchObject({
      lastUsedAt: '2026-12-01T11:00:00.000Z',
    })
    // A use another instance saw earlier never moves the stored time back, whichever writes last.
    // (a reads the row before b's batched write is in, as it was in every run seen, so a holds an
    // earlier use to write after b's.)
    await a.credentials.useApiToken('th', '2026-12-01T10:30:00.000Z')
    await b.credentials.flushLastUses()
    await a.credentials.flushLastUses()
    expect(await a.credentials.listApiTokens('acc-1')).toEqual([
      { ...token, lastUsedAt: '2026-12-01T11:00:00.000Z' },
    ])
    expect(await b.credentials.deleteApiToken('acc-1', 't1')).toBe(true)
    expect(await a.credentials.useApiToken('th', '2026-12-01T12:00:00.000Z')).toBeNull()
  })
})
