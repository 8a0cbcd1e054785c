import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { startCluster, type Cluster } from '../support/cluster'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startOwnRedis, type OwnRedis } from '../support/redisServer'
import { startTcpBalancer, type TcpBalancer } from '../support/tcpBalancer'

// How many of `author`'s updates `doc` holds (Yjs clocks count every inserted character).
const clockOf = (doc: Y.Doc, author: number): number =>
  Y.decodeStateVector(Y.encodeStateVector(doc)).get(author) ?? 0

// Types one letter at a random place in a clause, as a delegate would.
const keystroke = (client: CollabClient, article: number, letter: string) => {
  const text = clauseText(client.doc, article, 1)
  text.insert(Math.floor(Math.random() * (text.length + 1)), letter)
}

const textOf = (client: CollabClient) => client.doc.getXmlFragment(TEXT_FRAGMENT).toString()
// Waits that measure nothing, long enough for a machine busy with other suites.
const SLOW = 30_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const quantile = (sorted: number[], q: number) =>
  sorted[Math.floor(q * (sorted.length - 1))]?.toFixed(1) ?? '-'

// Every client holds every author's updates as far as the author itself does.
const converged = (clients: CollabClient[]) =>
  clients.every((reader) =>
    clients.every(
      (author) =>
        clockOf(reader.doc, author.doc.clientID) === clockOf(author.doc, author.doc.clientID),
    ),
  )

describe('several instances on one PostgreSQL and Redis', () => {
  let cluster: Cluster | undefined
  const clients: CollabClient[] = []
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await cluster?.close()
    cluster = undefined
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })
  const connect = (wsUrl: string, token: string) => {
    const client = connectClient(wsUrl, 'ccm/text', { token })
    clients.push(client)
    return client
  }

  it(
    'a provider on A types and one on B sees every keystroke; their documents converge',
    { timeout: 90_000 },
    async () => {
      cluster = await startCluster(2)
      const token = await cluster.token()
      const a = connect(cluster.wsUrl(0), token)
      const b = connect(cluster.wsUrl(1), token)
      // The reference: a provider on A's own instance.
      const nextToA = connect(cluster.wsUrl(0), token)
      await Promise.all([a.synced(), b.synced(), nextToA.synced()])

      // When each reader first held each count of A's keystrokes.
      const watch = (reader: CollabClient) => {
        const seen: { clock: number; at: number }[] = []
        reader.doc.on('update', () =>
          seen.push({ clock: clockOf(reader.doc, a.doc.clientID), at: performance.now() }),
        )
        return seen
      }
      const seen = watch(b)
      const seenNextToA = watch(nextToA)
      const typedAt: number[] = []
      for (let i = 0; i < 200; i++) {
        keystroke(a, i % 3, 'a')
        typedAt.push(performance.now())
        await sleep(5)
      }
      await waitFor(
        'B to hold all 200 keystrokes',
        () => clockOf(b.doc, a.doc.clientID) === 200,
        SLOW,
      )
      expect(clockOf(a.doc, a.doc.clientID)).toBe(200)
      expect(textOf(b)).toBe(textOf(a))
      // B heard them as they came, not in one piece at the end.
      expect(seen.filter((s) => s.clock > 0).length).toBeGreaterThan(20)

      const latencies = (heard: { clock: number; at: number }[]) =>
        typedAt
          .map((t, i) => (heard.find((s) => s.clock >= i + 1)?.at ?? NaN) - t)
          .sort((x, y) => x - y)
      const [other, same] = [latencies(seen), latencies(seenNextToA)]
      console.log(
        `keystroke → provider: on B (A's instance stores in PostgreSQL, publishes on Redis, B's ` +
          `applies and sends) median ${quantile(other, 0.5)} ms, p99 ${quantile(other, 0.99)} ms; ` +
          `on A's own instance median ${quantile(same, 0.5)} ms, p99 ${quantile(same, 0.99)} ms`,
      )
    },
  )

  it(
    'shows the presence of a provider on A to one on B, and its departure',
    { timeout: 90_000 },
    async () => {
      cluster = await startCluster(2)
      const token = await cluster.token()
      const a = connect(cluster.wsUrl(0), token)
      const b = connect(cluster.wsUrl(1), token)
      await Promise.all([a.synced(), b.synced()])
      const stateOnB = () =>
        b.provider.awareness.getStates().get(a.doc.clientID) as
          { user?: { name?: string }; article?: string } | undefined

      a.provider.awareness.setLocalState({
        user: { name: 'Chair', color: '#1d5fbf' },
        article: 'art-1',
      })
      await waitFor('B to see A’s presence', () => stateOnB()?.article === 'art-1')
      a.provider.awareness.setLocalStateField('article', 'art-2')
      await waitFor('B to see A move', () => stateOnB()?.article === 'art-2')
      expect(stateOnB()?.user?.name).toBeTruthy()

      clients.splice(clients.indexOf(a), 1)
      a.destroy()
      await waitFor('B to see A leave', () => stateOnB() === undefined)
    },
  )

  it(
    'loses nothing when Redis restarts during typing; the clients converge',
    { timeout: 90_000 },
    async () => {
      const redis: OwnRedis = await startOwnRedis()
      cleanups.push(() => redis.stop())
      cluster = await startCluster(2, { redisUrl: redis.url })
      const token = await cluster.token()
      const a = connect(cluster.wsUrl(0), token)
      const b = connect(cluster.wsUrl(1), token)
      await Promise.all([a.synced(), b.synced()])

      const typing = [
        setInterval(() => keystroke(a, 0, 'a'), 10),
        setInterval(() => keystroke(b, 1, 'b'), 10),
      ]
      try {
        await waitFor(
          'each to see 50 of the other’s keystrokes',
          () => clockOf(a.doc, b.doc.clientID) > 50 && clockOf(b.doc, a.doc.clientID) > 50,
          SLOW,
        )
        await redis.stop()
        await sleep(300)
        await redis.start()
        await sleep(300)
      } finally {
        typing.forEach(clearInterval)
      }
      await waitFor('the two clients to converge', () => converged([a, b]), SLOW)
      expect(textOf(a)).toBe(textOf(b))

      // And all of it is stored: an instance started afresh serves it.
      const fresh = await cluster.add()
      const reader = connect(cluster.wsUrl(fresh), token)
      await reader.synced()
      await waitFor('a fresh reader to hold everything', () => converged([a, b, reader]), SLOW)
    },
  )

  it(
    'kill -9 of one instance: its clients type on through another, and nothing any client saw is lost',
    { timeout: 120_000 },
    async () => {
      cluster = await startCluster(3)
      const running = cluster
      const token = await cluster.token()
      const ports = [0, 1, 2].map((i) => Number(new URL(running.url(i)).port))
      // Each client's load balancer prefers one instance and falls back to the next ones.
      const balancers: TcpBalancer[] = []
      for (let i = 0; i < 3; i++) {
        const order = [ports[i]!, ports[(i + 1) % 3]!, ports[(i + 2) % 3]!]
        balancers.push(await startTcpBalancer(() => order))
      }
      cleanups.push(() => Promise.all(balancers.map((b) => b.close())))
      const typists = balancers.map((bal) =>
        connect(`${bal.url.replace(/^http/, 'ws')}/collab`, token),
      )
      await Promise.all(typists.map((c) => c.synced()))

      const typing = typists.map((c, i) => setInterval(() => keystroke(c, i, 'abc'[i]!), 10))
      try {
        await waitFor(
          'every typist to see 50 keystrokes of every other',
          () =>
            typists.every((r) =>
              typists.every((w) => r === w || clockOf(r.doc, w.doc.clientID) > 50),
            ),
          SLOW,
        )
        // What the survivors' clients had seen of everyone when the instance died.
        const [victim, ...others] = typists as [CollabClient, ...CollabClient[]]
        const seenAtKill = typists.map((author) =>
          Math.max(...typists.map((reader) => clockOf(reader.doc, author.doc.clientID))),
        )
        const victimClockAtKill = clockOf(victim.doc, victim.doc.clientID)
        const killedAt = performance.now()
        await running.kill9(0)
        // Its client reconnects through its balancer to another instance, and types on: a
        // keystroke it made after the kill reaches the others.
        await waitFor(
          'the killed instance’s client to type on through another instance',
          () => others.every((o) => clockOf(o.doc, victim.doc.clientID) > victimClockAtKill + 5),
          10_000,
        )
        const back = performance.now() - killedAt
        console.log(
          `kill -9: the client of the killed instance typed on through another after ${back.toFixed(0)} ms`,
        )
        expect(balancers[0]!.connections.get(ports[1]!)).toBeGreaterThan(0)
        await sleep(200)
        typing.forEach(clearInterval)
        await waitFor('the typists to converge', () => converged(typists), SLOW)

        // Everything is stored: every instance killed, one started afresh serves it all.
        const finalClocks = typists.map((c) => clockOf(c.doc, c.doc.clientID))
        await Promise.all([0, 1, 2].map((i) => running.kill9(i)))
        await running.restart(2)
        const reader = connect(running.wsUrl(2), token)
        await reader.synced()
        const stored = typists.map((c) => clockOf(reader.doc, c.doc.clientID))
        stored.forEach((clock, i) => expect(clock).toBeGreaterThanOrEqual(seenAtKill[i]!))
        expect(stored).toEqual(finalClocks)
      } finally {
        typing.forEach(clearInterval)
      }
    },
  )
})
