import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import {
  MemoryLoginLimiter,
  type LoginLimiter,
  type LoginLimits,
} from '../../server/src/auth/LoginLimiter'
import { RedisLoginLimiter } from '../../server/src/cluster/RedisLoginLimiter'
import { randomRedisPrefix, TEST_REDIS_URL } from '../support/redisServer'

// One Redis connection for the file; each limiter has a prefix of its own.
const redis = new Redis(TEST_REDIS_URL)
afterAll(() => redis.quit())

type MakeLimiter = (limits: Partial<LoginLimits>, now?: () => number) => LoginLimiter

// The same answers from one process's limiter and from the one instances share through Redis.
const limiters: [string, MakeLimiter][] = [
  ['in memory', (limits, now) => new MemoryLoginLimiter(limits, now)],
  ['in Redis', (limits, now) => new RedisLoginLimiter(redis, randomRedisPrefix(), limits, now)],
]

describe.each(limiters)('the sign-in limiter (%s)', (_, make) => {
  // A clock the test moves by hand.
  const clock = () => {
    let now = 1_000_000
    return { now: () => now, advance: (ms: number) => (now += ms) }
  }
  const MINUTE = 60_000

  it('blocks a username at ten failures and lets it in again once they age out', async () => {
    const time = clock()
    const limiter = make({}, time.now)
    for (let i = 0; i < 9; i += 1) {
      await limiter.recordFailure('Austria', '10.0.0.1')
      time.advance(MINUTE)
    }
    expect(await limiter.retryAfter('austria', '10.0.0.2')).toBe(0)
    await limiter.recordFailure('austria', '10.0.0.1')
    // The first failure was 9 minutes ago: it leaves the 15-minute window in 6 minutes.
    expect(await limiter.retryAfter('AUSTRIA', '10.0.0.2')).toBe(6 * 60)
    time.advance(6 * MINUTE)
    expect(await limiter.retryAfter('austria', '10.0.0.2')).toBe(0)
    // The window slides: nine failures are still in it, so one more blocks again.
    await limiter.recordFailure('austria', '10.0.0.1')
    expect(await limiter.retryAfter('austria', '10.0.0.2')).toBe(60)
  })

  it('blocks an address at thirty failures over any usernames', async () => {
    const time = clock()
    const limiter = make({}, time.now)
    for (let i = 0; i < 30; i += 1) await limiter.recordFailure(`user${i}`, '10.0.0.9')
    expect(await limiter.retryAfter('someone-else', '10.0.0.9')).toBe(15 * 60)
    expect(await limiter.retryAfter('someone-else', '10.0.0.10')).toBe(0)
  })

  it("forgets a username's failures after it signs in", async () => {
    const limiter = make({ perUsername: 3 })
    for (let i = 0; i < 3; i += 1) await limiter.recordFailure('ben', '10.0.0.1')
    expect(await limiter.retryAfter('ben', '10.0.0.1')).toBeGreaterThan(0)
    await limiter.recordSuccess('ben')
    expect(await limiter.retryAfter('ben', '10.0.0.1')).toBe(0)
  })

  it('counts two failures in the same millisecond as two', async () => {
    const time = clock()
    const limiter = make({ perUsername: 2 }, time.now)
    await Promise.all([
      limiter.recordFailure('cleo', '10.0.0.1'),
      limiter.recordFailure('cleo', '10.0.0.2'),
    ])
    expect(await limiter.retryAfter('cleo', '10.0.0.3')).toBe(15 * 60)
  })
})

describe('the sign-in limiter in Redis', () => {
  it('is one limit for every instance sharing the prefix', async () => {
    const prefix = randomRedisPrefix()
    const a = new RedisLoginLimiter(redis, prefix, { perUsername: 4 })
    const b = new RedisLoginLimiter(redis, prefix, { perUsername: 4 })
    await a.recordFailure('dora', '10.0.0.1')
    await b.recordFailure('dora', '10.0.0.2')
    await a.recordFailure('dora', '10.0.0.3')
    expect(await b.retryAfter('dora', '10.0.0.4')).toBe(0)
    await b.recordFailure('dora', '10.0.0.4')
    expect(await a.retryAfter('dora', '10.0.0.5')).toBeGreaterThan(0)
    // Another deployment on the same Redis keeps its own counts.
    const other = new RedisLoginLimiter(redis, randomRedisPrefix(), { perUsername: 4 })
    expect(await other.retryAfter('dora', '10.0.0.5')).toBe(0)
  })

  it('lets a key expire a window after its last failure, keeping at most the limit', async () => {
    const prefix = randomRedisPrefix()
    const limiter = new RedisLoginLimiter(redis, prefix, { perUsername: 3, windowMs: 60_000 })
    for (let i = 0; i < 5; i += 1) await limiter.recordFailure('emil', '10.0.0.1')
    expect(await redis.zcard(`${prefix}login:u:emil`)).toBe(3)
    const ttl = await redis.pttl(`${prefix}login:u:emil`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })
})
