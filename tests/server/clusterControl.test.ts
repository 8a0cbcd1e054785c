import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { MAX_CONNECTIONS_PER_ACCOUNT } from '../../server/src/collab/upgrade'
import { call, type Caller } from '../support/api'
import { connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startCluster, type Cluster } from '../support/cluster'
import { anchorOn, articleText, blockText } from '../support/proposals'

const A = 0
const B = 1

// Two instances as processes on one PostgreSQL schema and one Redis prefix (issue 16): what one
// instance decides about people and limits holds on the other.
describe('two instances: cuts, decisions and limits hold across them', () => {
  let cluster: Cluster
  const clients: CollabClient[] = []

  beforeAll(async () => {
    cluster = await startCluster(2)
  }, 120_000)
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()))
  afterAll(() => cluster?.close())

  const token = async (who: string): Promise<Caller> => ({ token: await cluster.token(who) })
  const api = async (who: string, i: number, method: string, path: string, body?: unknown) =>
    call(cluster.url(i), await token(who), method, `/api/negotiations/ccm${path}`, body)
  const connect = async (who: string, i: number, room: string) => {
    const client = connectClient(cluster.wsUrl(i), room, { token: await cluster.token(who) })
    clients.push(client)
    await client.synced()
    return client
  }
  const accountIdOf = async (username: string) => {
    const { body } = await api('chair', A, 'GET', '/members')
    return body.members.find((m: { username: string }) => m.username === username).accountId
  }

  // Germany drafts a new wording of `quote` in Art. 3 on A, and tables it once B has it.
  const tabledProposal = async (quote: string, wording: string) => {
    const text = await connect('germany', A, 'ccm/text')
    const created = await api('germany', A, 'POST', '/proposals', {
      params: { kind: 'deadline-change', fromYears: 8, toYears: 4 },
      title: `Say: ${wording}`,
      articleId: 'art-3',
      anchor: anchorOn(text.doc, 'art-3', quote),
    })
    expect(created.status).toBe(201)
    const id: string = created.body.proposal.id
    // Drafted on A, watched on B: the wording is stored before it is tabled.
    const draft = await connect('germany', A, `ccm/draft/${id}`)
    const line = blockText(draft.doc, 0)
    line.delete(0, line.length)
    line.insert(0, wording)
    const watcher = await connect('germany', B, `ccm/draft/${id}`)
    await waitFor('the wording on B', () => blockText(watcher.doc, 0).toString() === wording)
    expect((await api('germany', A, 'POST', `/proposals/${id}/table`)).status).toBe(200)
    return { id, text }
  }

  it("the chair's decision made through B shows in A's clients", async () => {
    const QUOTE = 'not later than eight years'
    const WORDING = 'not later than four years'
    const { id, text } = await tabledProposal(QUOTE, WORDING)

    const onA = [await connect('france', A, 'ccm/text'), await connect('observer', A, 'ccm/text')]
    const decided = await api('chair', B, 'POST', `/proposals/${id}/decision`, {
      decision: 'incorporate',
      note: 'Agreed in plenary',
    })
    expect(decided.status).toBe(200)
    expect(decided.body.proposal.status).toBe('incorporated')
    for (const client of [...onA, text]) {
      await waitFor('the new words at a client of A', () =>
        articleText(client.pmDoc(), 'art-3').includes(WORDING),
      )
      expect(articleText(client.pmDoc(), 'art-3')).not.toContain(QUOTE)
    }
    // And A answers with the decision too: one database.
    const read = await api('france', A, 'GET', `/proposals/${id}`)
    expect(read.body.proposal.status).toBe('incorporated')
  })

  it('two decisions on one proposal at once, on A and on B: one is made, the other refused', async () => {
    const { id } = await tabledProposal('not later than', 'no later than')
    const answers = await Promise.all([
      api('chair', A, 'POST', `/proposals/${id}/decision`, { decision: 'incorporate' }),
      api('chair', B, 'POST', `/proposals/${id}/decision`, { decision: 'reject' }),
    ])
    // The negotiation's command queue is the storage's lock: the second reads the first's result.
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const refused = answers.find((a) => a.status === 409)
    expect(refused?.body.error.code).toBe('illegal_transition')
    const made = answers.find((a) => a.status === 200)
    const read = await api('chair', B, 'GET', `/proposals/${id}`)
    expect(read.body.proposal.status).toBe(made?.body.proposal.status)
    expect(
      read.body.proposal.history.filter((h: { from: string }) => h.from === 'tabled'),
    ).toHaveLength(1)
  })

  it('removing a member on A closes their socket on B, and a role change on A reconnects them', async () => {
    const austria = await connect('austria', B, 'ccm/text')
    const reconnect = austria.nextClose()
    const changed = await api('chair', A, 'PATCH', `/members/${await accountIdOf('austria')}`, {
      role: 'observer',
    })
    expect(changed.status).toBe(200)
    expect((await reconnect).code).toBe(CloseCode.MembershipChanged)

    const ben = await connect('ben', B, 'ccm/notes/cmc')
    const cut = ben.nextClose()
    const removed = await api('chair', A, 'DELETE', `/members/${await accountIdOf('ben')}`)
    expect(removed.status).toBe(204)
    expect((await cut).code).toBe(CloseCode.Forbidden)
    expect(ben.provider.shouldConnect).toBe(false)
  })

  it("signing out on A closes that session's sockets on B, not the same person's others", async () => {
    const session = await cluster.login('ana', undefined, A)
    // A browser on B's page sends B's origin with the same cookie (one site behind a balancer).
    const onB = { cookie: session.cookie, origin: cluster.url(B) }
    const bySession = connectClient(cluster.wsUrl(B), 'ccm/text', {}, onB)
    clients.push(bySession)
    await bySession.synced()
    const byToken = await connect('ana', B, 'ccm/text')
    const cut = bySession.nextClose()
    expect((await call(cluster.url(A), session, 'POST', '/api/auth/logout')).status).toBe(204)
    expect((await cut).code).toBe(CloseCode.Unauthenticated)
    // The token's socket stays open: it still hears a presence announced on A.
    const watcher = await connect('observer', A, 'ccm/text')
    watcher.provider.awareness.setLocalStateField('user', { name: 'watcher on A' })
    await waitFor('the presence from A on the remaining socket', () =>
      byToken.provider.awareness.getStates().has(watcher.doc.clientID),
    )
    expect(byToken.provider.wsconnected).toBe(true)
  })

  it('the sign-in limit holds across instances', async () => {
    const fail = (i: number) =>
      call(cluster.url(i), null, 'POST', '/api/auth/login', {
        username: 'france',
        password: 'wrong password',
      })
    // Ten failures, alternating instances: each instance alone has seen only five.
    for (let n = 0; n < 10; n += 1) expect((await fail(n % 2)).status).toBe(401)
    for (const i of [A, B]) {
      const refused = await fail(i)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    // Even the right password waits now, on either instance.
    const right = await call(cluster.url(B), null, 'POST', '/api/auth/login', {
      username: 'france',
      password: 'plenary-demo',
    })
    expect(right.status).toBe(429)
  })

  it('the per-person connection limit holds across instances', async () => {
    const token = await cluster.token('germany')
    const open = async (i: number) => {
      const client = connectClient(cluster.wsUrl(i), 'ccm/text', { token })
      clients.push(client)
      await client.synced()
      return client
    }
    const held: CollabClient[] = []
    for (let n = 0; n < MAX_CONNECTIONS_PER_ACCOUNT; n += 1) held.push(await open(n % 2))
    for (const i of [A, B]) {
      const extra = connectClient(cluster.wsUrl(i), 'ccm/text', { token })
      clients.push(extra)
      expect((await extra.nextClose()).code).toBe(CloseCode.TooManyConnections)
      extra.provider.disconnect()
    }
    // One closed on A gives its place to one on B, once A has heard the close.
    ;(held[0] as CollabClient).provider.disconnect()
    let admitted = false
    for (let attempt = 0; attempt < 50 && !admitted; attempt += 1) {
      const probe = connectClient(cluster.wsUrl(B), 'ccm/text', { token })
      clients.push(probe)
      admitted = await Promise.race([
        probe.synced().then(() => true),
        probe.nextClose().then(() => false),
      ])
      probe.provider.disconnect()
    }
    expect(admitted).toBe(true)
  })
})
