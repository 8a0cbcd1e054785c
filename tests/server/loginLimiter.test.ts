import { describe, expect, it } from 'vitest'
import { LoginLimiter } from '../../server/src/auth/LoginLimiter'

describe('the sign-in limiter', () => {
  // A clock the test moves by hand.
  const clock = () => {
    let now = 1_000_000
    return { now: () => now, advance: (ms: number) => (now += ms) }
  }
  const MINUTE = 60_000

  it('blocks a username at ten failures and lets it in again once they age out', () => {
    const time = clock()
    const limiter = new LoginLimiter({}, time.now)
    for (let i = 0; i < 9; i += 1) {
      limiter.recordFailure('Austria', '10.0.0.1')
      time.advance(MINUTE)
    }
    expect(limiter.retryAfter('austria', '10.0.0.2')).toBe(0)
    limiter.recordFailure('austria', '10.0.0.1')
    // The first failure was 9 minutes ago: it leaves the 15-minute window in 6 minutes.
    expect(limiter.retryAfter('AUSTRIA', '10.0.0.2')).toBe(6 * 60)
    time.advance(6 * MINUTE)
    expect(limiter.retryAfter('austria', '10.0.0.2')).toBe(0)
  })

  it('blocks an address at thirty failures over any usernames', () => {
    const time = clock()
    const limiter = new LoginLimiter({}, time.now)
    for (let i = 0; i < 30; i += 1) limiter.recordFailure(`user${i}`, '10.0.0.9')
    expect(limiter.retryAfter('someone-else', '10.0.0.9')).toBe(15 * 60)
    expect(limiter.retryAfter('someone-else', '10.0.0.10')).toBe(0)
  })

  it("forgets a username's failures after it signs in", () => {
    const limiter = new LoginLimiter({ perUsername: 3 })
    for (let i = 0; i < 3; i += 1) limiter.recordFailure('ben', '10.0.0.1')
    expect(limiter.retryAfter('ben', '10.0.0.1')).toBeGreaterThan(0)
    limiter.recordSuccess('ben')
    expect(limiter.retryAfter('ben', '10.0.0.1')).toBe(0)
  })
})
