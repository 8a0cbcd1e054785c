import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Storage } from '../../server/src/storage/Storage'
import { type OpenedBackend, storageBackends } from '../support/storageBackends'

// A promise the test settles when it chooses: holds a transaction open across real turns of the
// event loop, as a networked database's round trips would.
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

// Lets every pending callback, timer and I/O run once or twice.
const turns = async (n = 3) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setTimeout(resolve, 1))
}

// Yjs updates typing `words` into one document, one update per word.
function typing(words: string[]): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (const w of words) doc.getText('t').insert(doc.getText('t').length, w)
  doc.destroy()
  return updates
}

// The text a list of stored updates amounts to.
const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  updates.forEach((u) => Y.applyUpdate(doc, u))
  return doc.getText('t').toString()
}

describe.each(storageBackends)('storage transactions and room sequence numbers ($name)', (kind) => {
  let backend: OpenedBackend
  let storage: Storage
  beforeEach(async () => {
    backend = await kind.open()
    storage = backend.storage
  })
  afterEach(async () => {
    await backend.cleanup()
  })

  it('rolls back every write of an async transaction that throws, however long it awaited', async () => {
    const [first, second] = typing(['Each ', 'State'])
    await expect(
      storage.atomically(async (tx) => {
        const created = await tx.createNegotiation({ id: 'ccm', name: 'CCM' }, [
          { room: 'ccm/text', update: first! },
        ])
        expect(created.ok).toBe(true)
        await turns()
        await tx.appendUpdate('ccm/text', second!)
        await tx.concordances.append({
          negotiationId: 'ccm',
          at: '2008-05-30T10:00:00.000Z',
          accountId: null,
          byName: 'Chair',
          articles: [],
          clauses: [],
        })
        await turns()
        throw new Error('half way')
      }),
    ).rejects.toThrow('half way')
    expect(await storage.getNegotiation('ccm')).toBeNull()
    expect(await storage.loadRoom('ccm/text')).toEqual([])
    expect(await storage.concordances.list('ccm')).toEqual([])
    // The storage goes on: the next transaction commits.
    await storage.atomically(async (tx) => {
      await tx.createNegotiation({ id: 'ccm', name: 'CCM' }, [{ room: 'ccm/text', update: first! }])
    })
    expect(textOf(await storage.loadRoom('ccm/text'))).toBe('Each ')
  })

  it('keeps a write made outside a transaction while it was open, when it then throws', async () => {
    const [typed] = typing(['Each '])
    const [other] = typing(['State '])
    const log: string[] = []
    const held = gate()
    const failed = storage.atomically(async (tx) => {
      await tx.appendUpdate('ccm/text', typed!)
      log.push('tx wrote')
      await held.opened
      log.push('tx throws')
      throw new Error('refused')
    })
    await turns()
    const appended = storage.appendUpdate('ccm/notes/public', other!).then((seq) => {
      log.push('append stored')
      return seq
    })
    const account = storage.accounts.create({
      id: 'acc-1',
      username: 'chair',
      displayName: 'Chair',
      passwordHash: 'x',
      isAdmin: false,
    })
    await turns()
    held.open()
    await expect(failed).rejects.toThrow('refused')
    expect(await appended).toBeGreaterThan(0)
    expect((await account).ok).toBe(true)
    // Neither in the transaction nor rolled back with it (SQLite: it waited for the transaction).
    expect(log).toContain('append stored')
    expect(await storage.loadRoom('ccm/text')).toEqual([])
    expect(textOf(await storage.loadRoom('ccm/notes/public'))).toBe('State ')
    expect(await storage.accounts.get('acc-1')).toMatchObject({ username: 'chair' })
  })

  it('runs two transactions started at once one after the other (SQLite) or side by side, appends to one room in turn (PostgreSQL)', async () => {
    const log: string[] = []
    const [a, b] = typing(['A', 'B'])
    const transaction = (name: string, update: Uint8Array) =>
      storage.atomically(async (tx) => {
        log.push(`${name} begins`)
        await turns()
        await tx.appendUpdate('ccm/text', update)
        await turns()
        log.push(`${name} ends`)
        return name
      })
    const results = await Promise.all([transaction('first', a!), transaction('second', b!)])
    expect(results).toEqual(['first', 'second'])
    if (kind.name === 'sqlite') {
      // One connection: the write gate runs them in turn.
      expect(log).toEqual(['first begins', 'first ends', 'second begins', 'second ends'])
      expect(textOf(await storage.loadRoom('ccm/text'))).toBe('AB')
    } else {
      // A connection each: isolated, both committed; the room's seq row lock orders their
      // appends, so the room holds both, numbered 1 and 2.
      expect(log).toHaveLength(4)
      const state = await storage.loadRoomState('ccm/text')
      expect(state.seq).toBe(2)
      expect(['AB', 'BA']).toContain(textOf(state.updates))
    }
  })

  it('numbers appends in order and catches up from a seq, the snapshot first once rows were folded', async () => {
    const updates = typing(['Each ', 'State ', 'Party ', 'shall'])
    const room = 'ccm/text'
    const seqs: number[] = []
    for (const u of updates.slice(0, 3)) seqs.push(await storage.appendUpdate(room, u))
    expect(seqs[1]!).toBeGreaterThan(seqs[0]!)
    expect(seqs[2]!).toBeGreaterThan(seqs[1]!)
    expect(await storage.loadRoomState(room, 0)).toEqual({
      updates: updates.slice(0, 3),
      seq: seqs[2],
    })

    // The live document holds the first two updates when it folds them, up to the second's seq.
    const live = new Y.Doc()
    updates.slice(0, 2).forEach((u) => Y.applyUpdate(live, u))
    await storage.compactWith(room, Y.encodeStateAsUpdate(live), seqs[1])
    const fourth = await storage.appendUpdate(room, updates[3]!)
    expect(fourth).toBeGreaterThan(seqs[2]!)

    const all = await storage.loadRoomState(room)
    expect(all.seq).toBe(fourth)
    expect(all.updates).toHaveLength(3)
    expect(all.updates.slice(1)).toEqual([updates[2], updates[3]])
    expect(textOf(all.updates)).toBe('Each State Party shall')
    // An instance that holds the room up to the first seq needs the snapshot: its row is gone.
    const behind = await storage.loadRoomState(room, seqs[0])
    expect(behind.updates).toHaveLength(3)
    expect(textOf(behind.updates)).toBe('Each State Party shall')
    expect(behind.seq).toBe(fourth)
    // One that holds it up to the third needs only the fourth; one up to date, nothing.
    expect(await storage.loadRoomState(room, seqs[2])).toEqual({
      updates: [updates[3]],
      seq: fourth,
    })
    expect(await storage.loadRoomState(room, fourth)).toEqual({ updates: [], seq: fourth })
    // A room never written: nothing, seq 0.
    expect(await storage.loadRoomState('ccm/notes/public')).toEqual({ updates: [], seq: 0 })
  })

  it('never replaces a snapshot with one that holds fewer updates', async () => {
    const updates = typing(['Each ', 'State ', 'Party'])
    const room = 'ccm/text'
    const seqs: number[] = []
    for (const u of updates) seqs.push(await storage.appendUpdate(room, u))
    const doc = new Y.Doc()
    updates.forEach((u) => Y.applyUpdate(doc, u))
    await storage.compactWith(room, Y.encodeStateAsUpdate(doc))
    // A slower instance folds what it held up to the first seq: its rows are gone already.
    const early = new Y.Doc()
    Y.applyUpdate(early, updates[0]!)
    await storage.compactWith(room, Y.encodeStateAsUpdate(early), seqs[0])
    expect(textOf(await storage.loadRoom(room))).toBe('Each State Party')
    expect(await storage.pendingUpdates(room)).toBe(0)
  })

  it('runs tasks under one key one at a time, in order, and other keys beside them', async () => {
    const log: string[] = []
    let running = 0
    let most = 0
    const elsewhere = gate()
    const task =
      (name: string, fail = false) =>
      async () => {
        running += 1
        most = Math.max(most, running)
        log.push(`${name} begins`)
        // The first holds its key until the other key's task ran: that one must not wait for it.
        if (name === 'first') await elsewhere.opened
        await turns(2)
        log.push(`${name} ends`)
        running -= 1
        if (fail) throw new Error(`${name} failed`)
        return name
      }
    const first = storage.exclusive('negotiation:ccm', task('first', true))
    const second = storage.exclusive('negotiation:ccm', task('second'))
    const third = storage.exclusive('negotiation:ccm', task('third'))
    const other = storage.exclusive('negotiation:other', async () => {
      log.push('other runs')
      elsewhere.open()
    })
    await elsewhere.opened
    // The other key did not wait for the first task to end.
    expect(log.filter((l) => l !== 'first begins')).toEqual(['other runs'])
    await expect(first).rejects.toThrow('first failed')
    expect(await Promise.all([second, third, other])).toEqual(['second', 'third', undefined])
    expect(most).toBe(1)
    expect(log.filter((l) => l !== 'other runs')).toEqual([
      'first begins',
      'first ends',
      'second begins',
      'second ends',
      'third begins',
      'third ends',
    ])
  })
})
