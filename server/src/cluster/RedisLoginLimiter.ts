import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import {
  DEFAULT_LOGIN_LIMITS,
  addressKey,
  userKey,
  type LoginLimiter,
  type LoginLimits,
} from '../auth/LoginLimiter'

/**
 * The sign-in limiter shared by every instance: each key's latest failure times in a Redis
 * sorted set (`${prefix}login:u:<name>`, `…login:a:<address>`), at most `limit` of them, so a
 * guesser spreading attempts over instances meets the same limits and the same waits as
 * `MemoryLoginLimiter` gives on one. A sorted set rather than a counter per fixed window: the
 * window slides, as on one instance, and the key expires a window after its last failure.
 */
export class RedisLoginLimiter implements LoginLimiter {
  private readonly limits: LoginLimits

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    limits: Partial<LoginLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...limits }
  }

  async retryAfter(username: string, address: string): Promise<number> {
    const waits = await Promise.all([
      this.wait(userKey(username), this.limits.perUsername),
      this.wait(addressKey(address), this.limits.perAddress),
    ])
    return Math.ceil(Math.max(...waits) / 1000)
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const now = this.now()
    const cutoff = now - this.limits.windowMs
    // Unique per failure: two instances may count one in the same millisecond.
    const member = `${now}:${randomUUID()}`
    const batch = this.redis.multi()
    for (const [key, limit] of [
      [userKey(username), this.limits.perUsername],
      [addressKey(address), this.limits.perAddress],
    ] as const) {
      const name = this.key(key)
      batch
        .zremrangebyscore(name, '-inf', cutoff)
        .zadd(name, now, member)
        // Keep the latest `limit`: the wait depends on nothing older.
        .zremrangebyrank(name, 0, -(limit + 1))
        .pexpire(name, this.limits.windowMs)
    }
    await batch.exec()
  }

  async recordSuccess(username: string): Promise<void> {
    await this.redis.del(this.key(userKey(username)))
  }

  // Milliseconds until the key is below its limit again: the `limit`-th latest failure's age.
  private async wait(key: string, limit: number): Promise<number> {
    const rank = String(-limit)
    // [member, score] if the set holds `limit` failures (it never holds more), else nothing.
    const found = (await this.redis.zrange(this.key(key), rank, rank, 'WITHSCORES')).flat()
    if (found.length < 2) return 0
    return Math.max(0, Number(found[1]) + this.limits.windowMs - this.now())
  }

  private key(key: string): string {
    return `${this.prefix}login:${key}`
  }
}
