import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { storageBackends, type OpenedBackend } from '../support/storageBackends'

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

describe.each(storageBackends)('appendUpdates (a room group commit) on $name', (backend) => {
  let opened: OpenedBackend | undefined
  afterEach(async () => {
    await opened?.cleanup()
    opened = undefined
  })

  it('stores a batch in order, numbered after single appends, and loads it back', async () => {
    opened = await backend.open()
    const { storage } = opened
    const updates = typing(12)
    const first = await storage.appendUpdate('x/text', updates[0]!)
    const seqs = await storage.appendUpdates('x/text', updates.slice(1, 11))
    const last = await storage.appendUpdate('x/text', updates[11]!)
    expect(seqs).toHaveLength(10)
    expect([first, ...seqs, last]).toEqual([...[first, ...seqs, last]].sort((a, b) => a - b))
    expect(new Set([first, ...seqs, last]).size).toBe(12)
    if (backend.name === 'postgres')
      expect([first, ...seqs, last]).toEqual([...Array(12).keys()].map((i) => i + 1))
    expect(await storage.appendUpdates('x/text', [])).toEqual([])
    const state = await storage.loadRoomState('x/text')
    expect(state.seq).toBe(last)
    expect(textOf(state.updates)).toBe(textOf(updates))
    const after = await storage.loadRoomState('x/text', seqs[4]!)
    expect(after.updates).toHaveLength(6)
  })

  it('batches of two instances appending at once are numbered without overlap', async () => {
    opened = await backend.open()
    const other = await opened.reopen()
    try {
      const updates = typing(40)
      const results = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          (i % 2 ? other : opened!.storage).appendUpdates(
            'x/text',
            updates.slice(i * 10, i * 10 + 10),
          ),
        ),
      )
      const all = results.flat()
      expect(new Set(all).size).toBe(40)
      results.forEach((seqs) => expect(seqs).toEqual([...seqs].sort((a, b) => a - b)))
      const state = await opened.storage.loadRoomState('x/text')
      expect(textOf(state.updates)).toBe(textOf(updates))
    } finally {
      await other.close()
    }
  })
})
