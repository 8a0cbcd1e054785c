import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { RedisConnectionSlots } from '../../server/src/cluster/RedisConnectionSlots'
import { randomRedisPrefix, startOwnRedis, TEST_REDIS_URL } from '../support/redisServer'

const redis = new Redis(TEST_REDIS_URL)
const started: RedisConnectionSlots[] = []
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()))
  await redis.quit()
})

// One instance's slots; every instance of a test shares the prefix.
const instance = (prefix: string, id: string, options = {}) => {
  const slots = new RedisConnectionSlots(redis, prefix, id, options)
  started.push(slots)
  return slots
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('connection places across instances (Redis)', () => {
  it('counts one account over every instance, and a closed connection gives its place back', async () => {
    const prefix = randomRedisPrefix()
    const a = instance(prefix, 'a')
    const b = instance(prefix, 'b')
    const first = await a.take('acc1', 3)
    const second = await b.take('acc1', 3)
    const third = await a.take('acc1', 3)
    expect([first, second, third].every((r) => typeof r === 'function')).toBe(true)
    expect(await b.take('acc1', 3)).toBeNull()
    expect(await a.take('acc1', 3)).toBeNull()
    // Another account, and another deployment's prefix, count apart.
    expect(await b.take('acc2', 3)).not.toBeNull()
    expect(await instance(randomRedisPrefix(), 'c').take('acc1', 3)).not.toBeNull()
    second?.()
    second?.() // a second release gives back nothing more
    expect(await b.count('acc1')).toBe(2)
    expect(await b.take('acc1', 3)).not.toBeNull()
    expect(await a.take('acc1', 3)).toBeNull()
  })

  it('lets no two admissions past the last place at once', async () => {
    const prefix = randomRedisPrefix()
    const instances = [instance(prefix, 'a'), instance(prefix, 'b'), instance(prefix, 'c')]
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => instances[i % 3]?.take('crowd', 20)),
    )
    expect(results.filter((r) => r !== null)).toHaveLength(20)
  })

  it("stops counting a dead instance's connections once their leases end; a live one renews", async () => {
    const prefix = randomRedisPrefix()
    // Never renews: as an instance killed with kill -9 would.
    const dead = instance(prefix, 'dead', { leaseMs: 400, refreshMs: 1e9 })
    const live = instance(prefix, 'live', { leaseMs: 400, refreshMs: 100 })
    expect(await dead.take('acc', 2)).not.toBeNull()
    expect(await live.take('acc', 2)).not.toBeNull()
    expect(await live.take('acc', 2)).toBeNull()
    await wait(1_000)
    // The dead one's lease ended; the live one's was renewed past it.
    expect(await live.count('acc')).toBe(1)
    expect(await live.take('acc', 2)).not.toBeNull()
    expect(await live.take('acc', 2)).toBeNull()
  })

  it('gives back every place of an instance that stops', async () => {
    const prefix = randomRedisPrefix()
    const a = instance(prefix, 'a')
    await a.take('acc', 5)
    await a.take('acc', 5)
    await a.stop()
    expect(await instance(prefix, 'b').count('acc')).toBe(0)
  })

  it('admits while Redis is away, and counts the connection again once it is back', async () => {
    const own = await startOwnRedis()
    const client = new Redis(own.url, {
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(50 * times, 200),
    })
    client.on('error', () => {})
    const slots = new RedisConnectionSlots(client, randomRedisPrefix(), 'a', { refreshMs: 100 })
    const errors = console.error
    console.error = () => {}
    try {
      await own.stop()
      const release = await slots.take('acc', 1)
      expect(release).toBeTypeOf('function')
      await own.start()
      for (let tries = 0; (await slots.count('acc').catch(() => 0)) !== 1; tries++) {
        if (tries > 100) throw new Error('the lease was never written back')
        await wait(50)
      }
      expect(await slots.take('acc', 1)).toBeNull()
      release?.()
    } finally {
      console.error = errors
      await slots.stop()
      client.disconnect()
      await own.stop()
    }
  })
})
