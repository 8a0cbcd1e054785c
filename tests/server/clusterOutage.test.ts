import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call } from '../support/api'
import { connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startCluster, type Cluster } from '../support/cluster'
import { startOwnRedis, type OwnRedis } from '../support/redisServer'

const A = 0
const B = 1

// A member removed while the instances cannot reach Redis: the cut is stored, but its message
// never reaches the other instance. Once Redis is back, that instance re-admits every connection
// through the stored memberships, so the removed member's socket there is cut all the same.
describe('two instances, Redis away while a member is removed', () => {
  let redis: OwnRedis
  let cluster: Cluster
  const clients: CollabClient[] = []

  beforeAll(async () => {
    redis = await startOwnRedis()
    cluster = await startCluster(2, { redisUrl: redis.url })
  }, 120_000)
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await cluster?.close()
    await redis?.stop()
  })

  it('cuts the member on the other instance once Redis is back', async () => {
    // Tokens first: signing in counts failures in Redis.
    const chair = { token: await cluster.token('chair') }
    const ben = connectClient(cluster.wsUrl(B), 'ccm/notes/cmc', {
      token: await cluster.token('ben'),
    })
    clients.push(ben)
    await ben.synced()
    const { body } = await call(cluster.url(A), chair, 'GET', '/api/negotiations/ccm/members')
    const benId: string = body.members.find(
      (m: { username: string }) => m.username === 'ben',
    ).accountId

    await redis.stop()
    const removed = await call(
      cluster.url(A),
      chair,
      'DELETE',
      `/api/negotiations/ccm/members/${benId}`,
    )
    expect(removed.status).toBe(204)
    // B never heard of it: Ben's socket there stays open while Redis is away.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(ben.provider.wsconnected).toBe(true)

    const reconnect = ben.nextClose()
    await redis.start()
    expect((await reconnect).code).toBe(CloseCode.MembershipChanged)
    // Admitted afresh, he is no member any more: refused, and his provider stops trying.
    await waitFor('Ben refused on reconnecting', () => ben.provider.shouldConnect === false, 30_000)
  })
})
