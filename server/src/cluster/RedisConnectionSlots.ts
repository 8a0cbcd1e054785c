import type { Redis } from 'ioredis'

/** How long a connection counts without being refreshed: a dead instance's stop counting then. */
export const SLOT_LEASE_MS = 30_000
/** How often an instance refreshes its own connections' leases. */
export const SLOT_REFRESH_MS = 10_000

// Drops expired leases, counts the rest, and takes a lease if under the limit, in one step: two
// instances admitting the same account at once cannot both pass the last place.
// KEYS[1] the account's set; ARGV: now, limit, lease end, member, key lifetime.
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`

/** Lease timing (tests shorten it). */
export interface SlotOptions {
  /** How long a place counts unrenewed (30 s). */
  leaseMs?: number
  /** How often the leases are renewed (10 s). */
  refreshMs?: number
  now?: () => number
}

/**
 * Holds a place for one more of an account's connections while it is open, or says there is
 * none. The connection limit across instances; on one process the registry's own count is it.
 */
export interface ConnectionSlots {
  /** A place for the account if it has fewer than `limit` open: its release, or null if full. */
  take(accountId: string, limit: number): Promise<(() => void) | null>
}

/**
 * Every instance's open connections per account in Redis: a sorted set per account
 * (`${prefix}conns:<account>`) of connection ids scored by when their lease ends. The owning
 * instance renews its leases every 10 s and removes one when its socket closes; an instance
 * killed without closing stops counting once its leases end, within 30 s.
 */
export class RedisConnectionSlots implements ConnectionSlots {
  // This instance's live leases: member → account.
  private readonly held = new Map<string, string>()
  private next = 0
  private warned = false
  private readonly timer: NodeJS.Timeout
  private readonly leaseMs: number
  private readonly now: () => number

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly instanceId: string,
    options: SlotOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? SLOT_LEASE_MS
    this.now = options.now ?? Date.now
    this.timer = setInterval(() => void this.renew(), options.refreshMs ?? SLOT_REFRESH_MS)
    this.timer.unref()
  }

  async take(accountId: string, limit: number): Promise<(() => void) | null> {
    const member = `${this.instanceId}:${(this.next += 1)}`
    const now = this.now()
    const key = this.key(accountId)
    try {
      const taken = await this.redis.eval(
        TAKE,
        1,
        key,
        now,
        limit,
        now + this.leaseMs,
        member,
        2 * this.leaseMs,
      )
      if (taken !== 1) return null
    } catch (error) {
      // Redis away: admit (this instance's own count still holds the limit here) rather than
      // keep everyone out; the renewal writes the lease once Redis is back.
      if (!this.warned) console.error('connection places: Redis unavailable, admitting:', error)
      this.warned = true
    }
    this.held.set(member, accountId)
    let released = false
    return () => {
      if (released) return
      released = true
      this.held.delete(member)
      this.redis.zrem(key, member).catch(() => undefined)
    }
  }

  /** How many of the account's connections count now, on every instance. */
  async count(accountId: string): Promise<number> {
    const key = this.key(accountId)
    await this.redis.zremrangebyscore(key, '-inf', this.now())
    return this.redis.zcard(key)
  }

  /** Stops renewing and gives this instance's places back (the server is closing). */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    const batch = this.redis.pipeline()
    for (const [member, accountId] of this.held) batch.zrem(this.key(accountId), member)
    this.held.clear()
    await batch.exec().catch(() => undefined)
  }

  // Pushes every live lease's end forward. Written back even if another admission dropped it
  // meanwhile (Redis was slow to hear): the connection is open, so it counts.
  private async renew(): Promise<void> {
    if (this.held.size === 0) return
    const end = this.now() + this.leaseMs
    const batch = this.redis.pipeline()
    for (const [member, accountId] of this.held) {
      batch.zadd(this.key(accountId), end, member).pexpire(this.key(accountId), 2 * this.leaseMs)
    }
    await batch.exec().then(
      () => (this.warned = false),
      (error: unknown) => {
        if (!this.warned) console.error('could not renew the connection leases:', error)
        this.warned = true
      },
    )
  }

  private key(accountId: string): string {
    return `${this.prefix}conns:${accountId}`
  }
}
