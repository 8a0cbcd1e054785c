import { afterEach, describe, expect, it } from 'vitest'
import { RedisRoomBus } from '../../server/src/cluster/RedisRoomBus'
import type { RoomMessage } from '../../server/src/cluster/RoomBus'
import { decodeRoomFrame, encodeRoomFrame } from '../../server/src/cluster/roomFrames'
import { randomRedisPrefix, TEST_REDIS_URL } from '../support/redisServer'

describe('room frames', () => {
  it('read back what was written, seq past 2^32 included', () => {
    const update = new Uint8Array([1, 2, 3, 250])
    const frames: RoomMessage[] = [
      { kind: 'update', seq: 1, update },
      { kind: 'update', seq: 2 ** 40 + 3, update },
      { kind: 'awareness', update },
      { kind: 'update', seq: 7, update: new Uint8Array() },
      { kind: 'lost' },
    ]
    const plain = (m: RoomMessage) => ('update' in m ? { ...m, update: [...m.update] } : m)
    for (const message of frames) {
      const back = decodeRoomFrame(encodeRoomFrame({ instance: 'host-ü-1', message }))
      expect(back.instance).toBe('host-ü-1')
      expect(plain(back.message)).toEqual(plain(message))
    }
    expect(() => decodeRoomFrame(Buffer.from([9, 0]))).toThrow(RangeError)
    expect(() => decodeRoomFrame(Buffer.from([0, 5, 1]))).toThrow(RangeError)
  })
})

describe('the Redis room bus', () => {
  const buses: RedisRoomBus[] = []
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()))
  })
  const bus = (prefix: string) => {
    const made = new RedisRoomBus({ url: TEST_REDIS_URL, prefix })
    buses.push(made)
    return made
  }

  it('carries a room’s messages to the other instances only, in order, and times them', async () => {
    const prefix = randomRedisPrefix()
    const [a, b, other] = [bus(prefix), bus(prefix), bus(randomRedisPrefix())]
    const heard = { a: [] as RoomMessage[], b: [] as RoomMessage[], elsewhere: 0 }
    const latencies: number[] = []
    const listen = (into: RoomMessage[]) => ({
      message: (m: RoomMessage) => {
        into.push(m)
        if (m.kind === 'update') latencies.push(performance.now() - sentAt[m.seq - 1]!)
      },
      reconnected: () => {},
    })
    const sentAt: number[] = []
    const subs = [
      a.subscribe('n/text', listen(heard.a)),
      b.subscribe('n/text', listen(heard.b)),
      b.subscribe('n/other', { message: () => heard.elsewhere++, reconnected: () => {} }),
      other.subscribe('n/text', { message: () => heard.elsewhere++, reconnected: () => {} }),
    ]
    await Promise.all(subs.map((s) => s.ready))

    const count = 1000
    for (let seq = 1; seq <= count; seq++) {
      sentAt.push(performance.now())
      a.publishUpdate('n/text', seq, new Uint8Array(20).fill(seq % 256))
      if (seq % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2))
    }
    a.publishAwareness('n/text', new Uint8Array([1, 0]))
    await expect.poll(() => heard.b.length, { timeout: 10_000 }).toBe(count + 1)
    expect(heard.b.slice(0, count).map((m) => (m.kind === 'update' ? m.seq : 0))).toEqual(
      Array.from({ length: count }, (_, i) => i + 1),
    )
    expect(heard.b[count]?.kind).toBe('awareness')
    // Its own frames, another room's channel and another prefix's hear nothing.
    expect(heard.a).toHaveLength(0)
    expect(heard.elsewhere).toBe(0)

    latencies.sort((x, y) => x - y)
    const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(2)
    console.log(
      `room bus publish→hear over Redis, ${count} updates of 20 B in bursts of 10: ` +
        `median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
    )

    // Unsubscribed: nothing more arrives.
    subs[1]!.close()
    await new Promise((resolve) => setTimeout(resolve, 50))
    a.publishUpdate('n/text', count + 1, new Uint8Array(1))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(heard.b).toHaveLength(count + 1)
  })
})
