import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CloseCode, parseRoomName } from '../../shared/collab'
import { MESSAGE_ACK } from '../../shared/collab/ack'
import { serveConnection } from '../../server/src/collab/connect'
import { DirectOutbox } from '../../server/src/collab/Outbox'
import { encodeSyncStep1, encodeUpdate } from '../../server/src/collab/protocol'
import type { Room } from '../../server/src/collab/Room'
import { RoomRegistry } from '../../server/src/collab/rooms'
import type { Storage } from '../../server/src/storage/Storage'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { waitFor } from '../support/collabClient'
import { tempDataDir } from '../support/startServer'

// A room without structure to restore: every message stores exactly what its client typed.
const NAME = 'ccm/notes/public'
const REF = parseRoomName(NAME)!

// SQLite whose room appends wait while the test holds them, and may be made to fail: counts
// each append call (and its size) and how many updates are durable.
class SlowStorage {
  readonly calls: number[] = []
  durable = 0
  private held: { promise: Promise<void>; release: () => void } | null = null
  failNext = false

  constructor(private readonly inner: SqliteStorage) {}

  // Appends called from now on wait until released; answers that release.
  hold(): () => void {
    let release = () => {}
    const promise = new Promise<void>((resolve) => (release = resolve))
    this.held = { promise, release }
    return release
  }

  release(): void {
    const held = this.held
    this.held = null
    held?.release()
  }

  storage(): Storage {
    const appendUpdates = async (room: string, updates: Uint8Array[]) => {
      this.calls.push(updates.length)
      const fail = this.failNext
      this.failNext = false
      await this.held?.promise
      if (fail) throw new Error('disk on fire')
      const seqs = await this.inner.appendUpdates(room, updates)
      this.durable += updates.length
      return seqs
    }
    return new Proxy(this.inner, {
      get: (target, key) => {
        if (key === 'appendUpdates') return appendUpdates
        if (key === 'appendUpdate')
          return async (room: string, u: Uint8Array) => (await appendUpdates(room, [u]))[0]
        const value = Reflect.get(target, key, target) as unknown
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value
      },
    }) as unknown as Storage
  }
}

// A websocket as serveConnection sees it: what the server sends is decoded and kept.
class FakeSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN
  bufferedAmount = 0
  extensions = ''
  closedWith: number | undefined
  readonly doc = new Y.Doc()
  readonly acks: number[] = []
  // Updates heard (sync step 2 and update messages), and the durable count when each arrived.
  readonly heard: { type: number; durable: number }[] = []

  constructor(private readonly storage: SlowStorage) {
    super()
  }

  send(data: Uint8Array, done?: (error?: Error) => void): void {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    const kind = decoding.readVarUint(decoder)
    if (kind === MESSAGE_ACK) this.acks.push(decoding.readVarUint(decoder))
    else if (kind === 0) {
      const type = decoding.readVarUint(decoder)
      if (type === 1 || type === 2) {
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), 'server')
        this.heard.push({ type, durable: this.storage.durable })
      }
    }
    done?.()
  }

  close(code: number): void {
    if (this.readyState !== WebSocket.OPEN) return
    this.closedWith = code
    this.readyState = WebSocket.CLOSING
    setImmediate(() => {
      this.readyState = WebSocket.CLOSED
      this.emit('close')
    })
  }

  terminate(): void {
    this.close(1006)
  }

  deliver(message: Uint8Array): void {
    this.emit('message', Buffer.from(message), true)
  }

  get text(): string {
    return this.doc.getText('t').toString()
  }
}

// `n` keystrokes typed into a fresh document, one update each.
function keystrokes(n: number, doc = new Y.Doc()): Uint8Array[] {
  const updates: Uint8Array[] = []
  const keep = (u: Uint8Array) => updates.push(u)
  doc.on('update', keep)
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, String(i % 10))
  doc.off('update', keep)
  return updates
}

const turns = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve))
}

describe('a room stores client updates in batches (group commit)', () => {
  let dir: string
  let inner: SqliteStorage
  let slow: SlowStorage
  let registry: RoomRegistry
  let room: Room | undefined

  beforeEach(() => {
    dir = tempDataDir()
    inner = new SqliteStorage(path.join(dir, 'plenary.sqlite'))
    slow = new SlowStorage(inner)
    room = undefined
    registry = new RoomRegistry(slow.storage(), (c) => new DirectOutbox(c), {
      attach: (r) => {
        room = r
        return undefined
      },
    })
  })

  afterEach(async () => {
    slow.release()
    await registry.closeAll(1001, 'test over')
    await inner.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const connect = async (wantsAcks = false) => {
    const socket = new FakeSocket(slow)
    serveConnection(
      socket as unknown as WebSocket,
      NAME,
      REF,
      { access: 'write' },
      registry,
      wantsAcks,
    )
    socket.deliver(encodeSyncStep1(socket.doc))
    await waitFor('the sync step 2', () => socket.heard.some((h) => h.type === 1))
    return socket
  }

  const storedText = async () => {
    const doc = new Y.Doc()
    ;(await inner.loadRoomState(NAME)).updates.forEach((u) => Y.applyUpdate(doc, u))
    return doc.getText('t').toString()
  }

  it('stores 100 updates in a few appends while the first hangs; shows and acks only what is stored', async () => {
    const writer = await connect(true)
    const reader = await connect()
    const typed = keystrokes(100)

    slow.hold()
    typed.forEach((u) => writer.deliver(encodeUpdate(u)))
    await waitFor('the first append', () => slow.calls.length === 1)
    // The queue went on: every keystroke is in the room's document, none stored or shown.
    await waitFor('all applied', () => room?.doc.getText('t').length === 100)
    await turns()
    expect(slow.calls).toEqual([1])
    expect(reader.text).toBe('')
    expect(writer.acks).toEqual([])

    // The first keystroke stored alone; the 99 others wait for the second append, still held.
    slow.release()
    slow.hold()
    await waitFor('the second append', () => slow.calls.length === 2)
    await waitFor('the first keystroke shown', () => reader.text.length === 1)
    await waitFor('the first keystroke acked', () => writer.acks.length > 0)
    await turns()
    expect(reader.text.length).toBe(1)
    expect(writer.acks).toEqual([1])

    slow.release()
    await waitFor('every keystroke shown', () => reader.text.length === 100)
    await waitFor('every keystroke acked', () => writer.acks.at(-1) === 100)
    expect(slow.calls).toEqual([1, 99])
    expect(reader.text).toBe(room!.doc.getText('t').toString())
    expect(await storedText()).toBe(reader.text)
    // Nobody saw a keystroke before it was durable, and acks only grow.
    for (const h of reader.heard.filter((h) => h.type === 2)) expect(h.durable).toBeGreaterThan(0)
    expect(reader.heard.filter((h) => h.type === 2).at(-1)?.durable).toBe(100)
    expect(writer.acks).toEqual([...writer.acks].sort((a, b) => a - b))
  })

  it('answers a sync step 1 during a pending batch only once the batch is stored', async () => {
    const writer = await connect()
    const typed = keystrokes(5)
    slow.hold()
    typed.forEach((u) => writer.deliver(encodeUpdate(u)))
    await waitFor('the first append', () => slow.calls.length === 1)
    await waitFor('all applied', () => room?.doc.getText('t').length === 5)

    const joiner = new FakeSocket(slow)
    serveConnection(joiner as unknown as WebSocket, NAME, REF, { access: 'read' }, registry)
    joiner.deliver(encodeSyncStep1(joiner.doc))
    await turns(50)
    expect(joiner.heard).toEqual([])

    slow.release()
    await waitFor('the sync step 2', () => joiner.heard.some((h) => h.type === 1))
    expect(joiner.heard.find((h) => h.type === 1)?.durable).toBe(5)
    await waitFor('every keystroke', () => joiner.text.length === 5)
    expect(joiner.text).toBe(await storedText())
  })

  it('a command waits for the pending batch, and a read shows only what is stored', async () => {
    const writer = await connect()
    slow.hold()
    keystrokes(3).forEach((u) => writer.deliver(encodeUpdate(u)))
    await waitFor('all applied', () => room?.doc.getText('t').length === 3)
    let read: string | undefined
    const reading = registry.read(NAME, (doc) => (read = doc.getText('t').toString()))
    let commanded = false
    const command = registry.withRooms([NAME], async ([r]) => {
      commanded = true
      await r!.transact({ kind: 'server-command', command: 'test' }, (doc) =>
        doc.getText('t').insert(0, 'S'),
      )
    })
    await turns(50)
    expect(read).toBeUndefined()
    expect(commanded).toBe(false)
    slow.release()
    await Promise.all([reading, command])
    expect(read).toHaveLength(3)
    expect(await storedText()).toHaveLength(4)
  })

  it('a failing batch resets the room and nothing of it reaches anyone', async () => {
    const writer = await connect(true)
    const reader = await connect(true)
    const typed = keystrokes(10)
    const releaseFirst = slow.hold()
    writer.deliver(encodeUpdate(typed[0]!))
    await waitFor('the first append', () => slow.calls.length === 1)
    typed.slice(1).forEach((u) => writer.deliver(encodeUpdate(u)))
    await waitFor('all applied', () => room?.doc.getText('t').length === 10)
    // The first keystroke is stored and shown; the batch of the nine others fails.
    slow.hold()
    slow.failNext = true
    releaseFirst()
    await waitFor('the first keystroke shown', () => reader.text.length === 1)
    await waitFor('the second append', () => slow.calls.length === 2)
    await waitFor('the first keystroke acked', () => writer.acks.length === 1)
    slow.release()
    await waitFor('the reset', () => writer.closedWith !== undefined)
    expect(writer.closedWith).toBe(CloseCode.StorageFailure)
    expect(reader.closedWith).toBe(CloseCode.StorageFailure)
    await turns(50)
    expect(slow.calls).toEqual([1, 9])
    expect(await storedText()).toBe('0')
    expect(reader.text).toBe('0')
    expect(writer.acks).toEqual([1])
  })
})
