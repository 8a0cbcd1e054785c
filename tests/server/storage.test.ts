import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { tempDataDir } from '../support/startServer'

// The state a list of stored updates amounts to.
const stateOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc()
  updates.forEach((u) => Y.applyUpdate(doc, u))
  return { text: doc.getText('t').toString(), vector: Y.encodeStateVector(doc) }
}

describe('SQLite storage', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = tempDataDir()
    file = path.join(dir, 'plenary.sqlite')
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('keeps appended updates across a reopen, in order', async () => {
    const doc = new Y.Doc()
    const storage = new SqliteStorage(file)
    const appends: Promise<void>[] = []
    doc.on('update', (u: Uint8Array) => appends.push(storage.appendUpdate('x/text', u)))
    for (const word of ['Each ', 'State ', 'Party'])
      doc.getText('t').insert(doc.getText('t').length, word)
    await Promise.all(appends)
    await storage.close()

    const reopened = new SqliteStorage(file)
    expect(stateOf(await reopened.loadRoom('x/text')).text).toBe('Each State Party')
    expect(await reopened.loadRoom('y/text')).toEqual([])
    await reopened.close()
  })

  it('compacts past the threshold into one snapshot with identical content', async () => {
    const storage = new SqliteStorage(file, { compactAfter: 50 })
    const doc = new Y.Doc()
    const appends: Promise<void>[] = []
    doc.on('update', (u: Uint8Array) => appends.push(storage.appendUpdate('x/text', u)))
    const text = doc.getText('t')
    for (let i = 0; i < 120; i += 1) text.insert(Math.floor(text.length / 2), String(i % 10))
    text.delete(3, 10)
    await Promise.all(appends)

    expect(await storage.pendingUpdates('x/text')).toBeLessThanOrEqual(50)
    const stored = await storage.loadRoom('x/text')
    expect(stored.length).toBeLessThan(121)
    const state = stateOf(stored)
    expect(state.text).toBe(text.toString())
    expect(state.vector).toEqual(Y.encodeStateVector(doc))

    await storage.compactRoom('x/text')
    expect(await storage.loadRoom('x/text')).toHaveLength(1)
    expect(stateOf(await storage.loadRoom('x/text')).text).toBe(text.toString())
    await storage.close()
  })

  it('creates a negotiation with its rooms all at once, or not at all', async () => {
    const storage = new SqliteStorage(file)
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
