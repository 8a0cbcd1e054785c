import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Storage } from '../../server/src/storage/Storage'
import {
  storageBackends,
  type BackendOptions,
  type OpenedBackend,
} from '../support/storageBackends'

// The state a list of stored updates amounts to.
const stateOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  updates.forEach((u) => Y.applyUpdate(doc, u))
  return { text: doc.getText('t').toString(), vector: Y.encodeStateVector(doc) }
}

describe.each(storageBackends)('storage ($name)', (kind) => {
  let backend: OpenedBackend | undefined
  // A fresh storage for this test (each test opens one, with its own options).
  const open = async (options: BackendOptions = {}): Promise<Storage> => {
    backend = await kind.open(options)
    return backend.storage
  }
  afterEach(async () => {
    await backend?.cleanup()
    backend = undefined
  })

  it('keeps appended updates across a reopen, in order', async () => {
    const doc = new Y.Doc()
    const storage = await open()
    const appends: Promise<number>[] = []
    doc.on('update', (u: Uint8Array) => appends.push(storage.appendUpdate('x/text', u)))
    for (const word of ['Each ', 'State ', 'Party'])
      doc.getText('t').insert(doc.getText('t').length, word)
    await Promise.all(appends)
    await storage.close()

    const reopened = await backend!.reopen()
    expect(stateOf(await reopened.loadRoom('x/text')).text).toBe('Each State Party')
    expect(await reopened.loadRoom('y/text')).toEqual([])
    await reopened.close()
  })

  it('never compacts on append; folds the live document when asked, keeping the content', async () => {
    const storage = await open({ compactAfter: 50 })
    expect(await storage.loadRoom('x/text')).toEqual([])
    const doc = new Y.Doc()
    const appends: Promise<number>[] = []
    doc.on('update', (u: Uint8Array) => appends.push(storage.appendUpdate('x/text', u)))
    const text = doc.getText('t')
    for (let i = 0; i < 120; i += 1) text.insert(Math.floor(text.length / 2), String(i % 10))
    text.delete(3, 10)
    await Promise.all(appends)

    expect(await storage.pendingUpdates('x/text')).toBe(121)
    expect(storage.wantsCompaction('x/text')).toBe(true)
    expect(storage.wantsCompaction('y/text')).toBe(false)
    await storage.compactWith('x/text', Y.encodeStateAsUpdate(doc))
    expect(storage.wantsCompaction('x/text')).toBe(false)
    expect(await storage.pendingUpdates('x/text')).toBe(0)
    const stored = await storage.loadRoom('x/text')
    expect(stored).toHaveLength(1)
    const state = stateOf(stored)
    expect(state.text).toBe(text.toString())
    expect(state.vector).toEqual(Y.encodeStateVector(doc))

    // Later updates go on the log after the snapshot.
    text.insert(0, 'Z')
    await Promise.all(appends)
    expect(await storage.pendingUpdates('x/text')).toBe(1)
    expect(stateOf(await storage.loadRoom('x/text')).text).toBe(text.toString())

    await storage.compactRoom('x/text')
    expect(await storage.loadRoom('x/text')).toHaveLength(1)
    expect(stateOf(await storage.loadRoom('x/text')).text).toBe(text.toString())
    await storage.close()
  })

  it('folds a long log when a room is loaded, and after REST appends far past the threshold', async () => {
    const writer = await open({ compactAfter: 20 })
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 30; i += 1) doc.getText('t').insert(i, 'a')
    for (const u of updates.splice(0)) await writer.appendUpdate('x/text', u)
    await writer.close()

    const storage = await backend!.reopen({ compactAfter: 20 })
    const loaded = await storage.loadRoom('x/text')
    expect(loaded).toHaveLength(1)
    expect(stateOf(loaded).text).toBe('a'.repeat(30))
    expect(await storage.pendingUpdates('x/text')).toBe(0)

    // A room no live room holds, written only through transactions (REST commands).
    for (let i = 0; i < 45; i += 1) {
      doc.getText('t').insert(0, 'b')
      const update = updates.splice(0)[0]!
      await storage.atomically(async (tx) => tx.appendUpdate('x/text', update))
    }
    // Folded after the transaction that took it past, off its path (PostgreSQL: a few round
    // trips later, so polled).
    await new Promise((resolve) => setImmediate(resolve))
    await expect
      .poll(() => storage.pendingUpdates('x/text'), { timeout: 10_000 })
      .toBeLessThanOrEqual(40)
    expect(stateOf(await storage.loadRoom('x/text')).text).toBe(doc.getText('t').toString())
    await storage.close()
  })

  it('creates a negotiation with its rooms all at once, or not at all', async () => {
    const storage = await open()
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'first')
    const update = Y.encodeStateAsUpdate(doc)
    const created = await storage.createNegotiation({ id: 'ccm', name: 'CCM' }, [
      { room: 'ccm/text', update },
    ])
    expect(created.ok).toBe(true)

    const other = new Y.Doc()
    other.getText('t').insert(0, 'second')
    const again = await storage.createNegotiation({ id: 'ccm', name: 'Another' }, [
      { room: 'ccm/text', update: Y.encodeStateAsUpdate(other) },
    ])
    expect(again).toEqual({ ok: false, reason: 'id-taken' })
    expect((await storage.listNegotiations()).map((n) => n.name)).toEqual(['CCM'])
    expect(stateOf(await storage.loadRoom('ccm/text')).text).toBe('first')
    await storage.close()
  })
})
