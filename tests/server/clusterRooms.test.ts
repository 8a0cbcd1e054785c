import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseRoomName, type Origin } from '../../shared/collab'
import { RedisRoomBus } from '../../server/src/cluster/RedisRoomBus'
import type { RoomBus } from '../../server/src/cluster/RoomBus'
import { DirectOutbox } from '../../server/src/collab/Outbox'
import { Room } from '../../server/src/collab/Room'
import type { RoomState, Storage } from '../../server/src/storage/Storage'
import { waitFor } from '../support/collabClient'
import {
  randomRedisPrefix,
  startOwnRedis,
  TEST_REDIS_URL,
  type OwnRedis,
} from '../support/redisServer'

// One room's log shared by the "instances" of a test, numbered 1, 2, 3… per room as PostgreSQL
// numbers it; each append resolves after a random moment, so that instances' appends interleave.
class MemoryLog {
  readonly logs = new Map<string, Uint8Array[]>()
  // Each compaction asked for: the snapshot and the number it said it holds every entry up to.
  readonly compactions: { snapshot: Uint8Array; uptoSeq: number | undefined }[] = []

  constructor(private readonly compactAfter = Infinity) {}

  storage(): Storage {
    const logOf = (room: string) => this.logs.get(room) ?? this.logs.set(room, []).get(room)!
    const rooms: Pick<
      Storage,
      | 'loadRoom'
      | 'loadRoomState'
      | 'appendUpdate'
      | 'appendUpdates'
      | 'wantsCompaction'
      | 'compactWith'
    > = {
      loadRoom: async (room) => [...logOf(room)],
      loadRoomState: async (room, afterSeq = 0): Promise<RoomState> => {
        const log = logOf(room)
        return { updates: log.slice(afterSeq), seq: log.length }
      },
      appendUpdate: async (room, update) => {
        const seq = logOf(room).push(update)
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2))
        return seq
      },
      appendUpdates: async (room, updates) => {
        const seqs = updates.map((update) => logOf(room).push(update))
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2))
        return seqs
      },
      wantsCompaction: (room) => logOf(room).length > this.compactAfter,
      compactWith: async (_room, snapshot, uptoSeq) => {
        this.compactions.push({ snapshot, uptoSeq })
      },
    }
    return rooms as Storage
  }
}

const NAME = 'ccm/text'
const REF = parseRoomName(NAME)!
const ORIGIN: Origin = { kind: 'server-command', command: 'test' }

const textOf = (room: Room) => room.doc.getText('t').toString()

// Types `count` characters into the room, each one a server change of its own (stored, published).
async function type(room: Room, letter: string, count: number, everyMs = 1): Promise<void> {
  for (let i = 0; i < count; i++) {
    await room.run(() =>
      room.transact(ORIGIN, (doc) => {
        const text = doc.getText('t')
        text.insert(Math.floor(Math.random() * (text.length + 1)), letter)
      }),
    )
    if (everyMs > 0) await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

describe('rooms kept in step across instances through Redis', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  const instance = async (log: MemoryLog, bus: RoomBus): Promise<Room> => {
    cleanups.push(() => bus.close())
    const room = await Room.load(
      NAME,
      REF,
      log.storage(),
      (connections) => new DirectOutbox(connections),
      () => {},
      undefined,
      bus,
    )
    cleanups.push(() => room.destroy())
    return room
  }
  const bus = (url = TEST_REDIS_URL, prefix = randomRedisPrefix()) =>
    new RedisRoomBus({ url, prefix })

  it('applies what another instance stored, in order, and never hears its own', async () => {
    const log = new MemoryLog()
    const prefix = randomRedisPrefix()
    const publisher = bus(TEST_REDIS_URL, prefix)
    // When A published each number, and when B applied it: publish → apply between instances.
    const publishedAt: number[] = []
    const publish = publisher.publishUpdate.bind(publisher)
    publisher.publishUpdate = (room, seq, update) => {
      publishedAt[seq] = performance.now()
      publish(room, seq, update)
    }
    const a = await instance(log, publisher)
    const b = await instance(log, bus(TEST_REDIS_URL, prefix))
    const heardByB: string[] = []
    const appliedAt: number[] = []
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      heardByB.push(JSON.stringify(origin))
      appliedAt.push(performance.now())
    })

    await type(a, 'a', 200)
    await waitFor('B to hold all of A’s text', () => textOf(b) === textOf(a))
    // One transaction per update A stored: none came from a catch-up, and none twice.
    expect(heardByB).toHaveLength(200)
    expect(new Set(heardByB)).toEqual(new Set([JSON.stringify({ kind: 'remote' })]))
    expect(log.logs.get(NAME)).toHaveLength(200)

    const latencies = appliedAt.map((at, i) => at - publishedAt[i + 1]!).sort((x, y) => x - y)
    const q = (f: number) => latencies[Math.floor(f * (latencies.length - 1))]!.toFixed(2)
    console.log(`publish on A → applied in B's room: median ${q(0.5)} ms, p99 ${q(0.99)} ms`)
  })

  it('converges when two instances type at once, their sequence numbers interleaved', async () => {
    const log = new MemoryLog()
    const prefix = randomRedisPrefix()
    const a = await instance(log, bus(TEST_REDIS_URL, prefix))
    const b = await instance(log, bus(TEST_REDIS_URL, prefix))
    await Promise.all([type(a, 'a', 150, 0), type(b, 'b', 150, 0)])
    await waitFor(
      'both to hold 300 letters',
      () => textOf(a).length === 300 && textOf(b).length === 300,
    )
    expect(textOf(a)).toBe(textOf(b))
    // Nothing was stored but the typing itself: no catch-up stored anything again.
    expect(log.logs.get(NAME)).toHaveLength(300)
  })

  it('fills a hole left by a lost message from storage', async () => {
    const log = new MemoryLog()
    const prefix = randomRedisPrefix()
    const lossy = bus(TEST_REDIS_URL, prefix)
    const publish = lossy.publishUpdate.bind(lossy)
    // Every tenth publication is lost on the way (the last one is not).
    lossy.publishUpdate = (room, seq, update) =>
      seq % 10 === 5 ? undefined : publish(room, seq, update)
    const a = await instance(log, lossy)
    const b = await instance(log, bus(TEST_REDIS_URL, prefix))
    await type(a, 'a', 52)
    await waitFor('B to hold all of A’s text', () => textOf(b) === textOf(a))
  })

  it('catches up after Redis restarts while both type: nothing lost', async () => {
    const redis: OwnRedis = await startOwnRedis()
    cleanups.push(() => redis.stop())
    const log = new MemoryLog()
    const prefix = randomRedisPrefix()
    const a = await instance(log, bus(redis.url, prefix))
    const b = await instance(log, bus(redis.url, prefix))
    const typing = Promise.all([type(a, 'a', 300, 2), type(b, 'b', 300, 2)])
    await waitFor('some typing', () => textOf(b).length > 50)
    await redis.stop()
    await new Promise((resolve) => setTimeout(resolve, 200))
    await redis.start()
    await typing
    await waitFor(
      'both to hold 600 letters',
      () => textOf(a).length === 600 && textOf(b).length === 600,
    )
    expect(textOf(a)).toBe(textOf(b))

    // What A stores while Redis is away reaches B only by the catch-up once it is back: nothing
    // follows it that would show B a hole.
    await redis.stop()
    await type(a, 'c', 20)
    await redis.start()
    await waitFor('B to hold A’s last letters', () => textOf(b) === textOf(a))
  })

  it('a room loading while another instance types misses nothing', async () => {
    const log = new MemoryLog()
    const prefix = randomRedisPrefix()
    const a = await instance(log, bus(TEST_REDIS_URL, prefix))
    const typing = type(a, 'a', 200, 1)
    await waitFor('some typing', () => textOf(a).length > 30)
    const b = await instance(log, bus(TEST_REDIS_URL, prefix))
    await typing
    await waitFor('B to hold all of A’s text', () => textOf(b) === textOf(a))
  })

  it('loads a room while Redis is away, and catches up once it is back', async () => {
    const redis: OwnRedis = await startOwnRedis()
    cleanups.push(() => redis.stop())
    const log = new MemoryLog()
    const prefix = randomRedisPrefix()
    const a = await instance(log, bus(redis.url, prefix))
    const late = bus(redis.url, prefix)
    await type(a, 'a', 10)
    await redis.stop()
    await type(a, 'b', 10)
    // Loads from storage at once, though nothing can subscribe yet.
    const b = await instance(log, late)
    expect(textOf(b)).toBe(textOf(a))
    await type(a, 'c', 10)
    await redis.start()
    await waitFor('B to hold what A stored while Redis was away', () => textOf(b) === textOf(a))
    await type(a, 'd', 10)
    await waitFor('B to hear A again', () => textOf(b) === textOf(a))
  })

  it('tells the others when its publishing connection alone was cut', async () => {
    const redis: OwnRedis = await startOwnRedis()
    cleanups.push(() => redis.stop())
    const log = new MemoryLog()
    const prefix = randomRedisPrefix()
    const a = await instance(log, bus(redis.url, prefix))
    const b = await instance(log, bus(redis.url, prefix))
    await type(a, 'a', 5)
    await waitFor('B to hold A’s text', () => textOf(b) === textOf(a))
    // Cuts every connection that is not subscribed: the instances' publishing ones, not B's
    // listening one, so B never hears of a gap; A's next publication is lost on the way.
    execFileSync('redis-cli', ['-p', String(redis.port), 'CLIENT', 'KILL', 'TYPE', 'normal'])
    await type(a, 'b', 1, 0)
    await waitFor('B to hold A’s last letter', () => textOf(b) === textOf(a))
  })

  it('compacts up to the number it holds every entry to, while others append past it', async () => {
    const log = new MemoryLog(50)
    const prefix = randomRedisPrefix()
    const a = await instance(log, bus(TEST_REDIS_URL, prefix))
    const b = await instance(log, bus(TEST_REDIS_URL, prefix))
    await Promise.all([type(a, 'a', 100, 1), type(b, 'b', 100, 1)])
    await waitFor(
      'both to hold 200 letters',
      () => textOf(a).length === 200 && textOf(b).length === 200,
    )
    await waitFor('a compaction', () => log.compactions.length > 0)
    // A third writer's entry that no room heard of, then one of A's own past it: A compacts
    // while it lacks the third writer's (its hole waits longer than the compaction's delay).
    const third = new Y.Doc()
    third.getText('t').insert(0, 'z')
    await log.storage().appendUpdate(NAME, Y.encodeStateAsUpdate(third))
    const compacted = log.compactions.length
    await type(a, 'a', 1, 0)
    await waitFor('A to compact again', () => log.compactions.length > compacted)
    const entries = log.logs.get(NAME)!
    for (const { snapshot, uptoSeq } of log.compactions) {
      expect(uptoSeq).toBeGreaterThan(0)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, snapshot)
      // Every entry the snapshot claims is in it: applying one changes nothing.
      const before = Y.encodeStateVector(doc)
      entries.slice(0, uptoSeq).forEach((entry) => Y.applyUpdate(doc, entry))
      expect(Y.encodeStateVector(doc)).toEqual(before)
      doc.destroy()
    }
  })
})
