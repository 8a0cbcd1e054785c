/** How many failed sign-ins are allowed, and over which window. */
export interface LoginLimits {
  /** Failed attempts for one username within the window (default 10). */
  perUsername: number
  /** Failed attempts from one IP address within the window (default 30). */
  perAddress: number
  /** The window, in milliseconds (default 15 minutes). */
  windowMs: number
}

/** 10 per username, 30 per address, in 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perUsername: 10,
  perAddress: 30,
  windowMs: 15 * 60 * 1000,
}

/**
 * Counts failed sign-ins per username and per IP address over a sliding window. Once either
 * reaches its limit, every attempt is refused until the oldest counted failure ages out, even
 * one with the right password: a guesser learns nothing more. In memory for one process
 * (`MemoryLoginLimiter`), in Redis for several (`cluster/RedisLoginLimiter`), same answers.
 */
export interface LoginLimiter {
  /** Seconds to wait before this username may try again from this address; 0 if it may now. */
  retryAfter(username: string, address: string): Promise<number>
  /** Counts a failed attempt against the username and the address. */
  recordFailure(username: string, address: string): Promise<void>
  /** Forgets the username's failures after a successful sign-in (the address's stay). */
  recordSuccess(username: string): Promise<void>
}

// Past this many tracked keys, forget the stale ones; bounds memory under a spray of usernames.
const SWEEP_AT = 10_000

/** The sign-in limiter of a single process: failure times in a map. */
export class MemoryLoginLimiter implements LoginLimiter {
  private readonly limits: LoginLimits
  // Times of the latest failures per key, oldest first, at most `limit` of them.
  private readonly failures = new Map<string, number[]>()

  constructor(
    limits: Partial<LoginLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...limits }
  }

  async retryAfter(username: string, address: string): Promise<number> {
    const waits = [
      this.wait(userKey(username), this.limits.perUsername),
      this.wait(addressKey(address), this.limits.perAddress),
    ]
    return Math.ceil(Math.max(...waits) / 1000)
  }

  async recordFailure(username: string, address: string): Promise<void> {
    this.record(userKey(username), this.limits.perUsername)
    this.record(addressKey(address), this.limits.perAddress)
  }

  async recordSuccess(username: string): Promise<void> {
    this.failures.delete(userKey(username))
  }

  // Milliseconds until the key is below its limit again.
  private wait(key: string, limit: number): number {
    const times = this.failures.get(key)
    if (!times || times.length < limit) return 0
    const oldest = times[times.length - limit] ?? 0
    return Math.max(0, oldest + this.limits.windowMs - this.now())
  }

  private record(key: string, limit: number): void {
    if (this.failures.size >= SWEEP_AT) this.sweep()
    const cutoff = this.now() - this.limits.windowMs
    const times = (this.failures.get(key) ?? []).filter((t) => t > cutoff)
    times.push(this.now())
    this.failures.set(key, times.slice(-limit))
  }

  private sweep(): void {
    const cutoff = this.now() - this.limits.windowMs
    for (const [key, times] of this.failures) {
      if ((times[times.length - 1] ?? 0) <= cutoff) this.failures.delete(key)
    }
  }
}

/** The key a username's failures are counted under (case-insensitive). */
export const userKey = (username: string) => `u:${username.toLowerCase()}`
/** The key an address's failures are counted under. */
export const addressKey = (address: string) => `a:${address}`
