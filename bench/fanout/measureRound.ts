import { TEXT_FRAGMENT } from '../../shared/collab'
import { Listener } from './Listener'
import type { ServerChild } from './serverChild'
import { Tally } from './Tally'
import { Typist } from './Typist'

/** The load: how many clients, how many of them type, how fast and for how long. */
export interface FanoutOptions {
  clients: number
  typists: number
  /** Keystrokes per second per typist. */
  rate: number
  seconds: number
  /** Whether typists publish their cursor in their presence on every keystroke. */
  presence: boolean
  /** Rounds against each server, alternating, pooled. */
  rounds: number
  /** After the typing, how long to wait for the rest at most (default 3 s without arrivals). */
  drainLimitMs?: number
}

/** How a round's clients reach one server: typists on its official provider, readers raw. */
export interface RoundClients {
  typist(index: number, tally: Tally): Typist
  reader(index: number, tally: Tally): Listener
}

/** Clients of a y-websocket server without sign-in: the reference server's and the sketch's. */
export const yWebsocketClients = (server: ServerChild, presence: boolean): RoundClients => ({
  typist: (i, tally) => new Typist(server.wsUrl, ROOM, i, tally, presence),
  reader: (i, tally) => new Listener(`${server.wsUrl}/${ROOM}`, i, tally),
})

/** What one round against one server measured. */
export interface RoundResult {
  tally: Tally
  /** From the first connection until every client had the document. */
  joinMs: number
  /** From the first keystroke until every update arrived (or arrivals stopped). */
  wallMs: number
  serverCpuMs: number
  generatorCpuMs: number
  rssBytes: number
  /** Resident memory once everyone had joined, before the typing. */
  joinedRssBytes: number
  /** Bytes the readers (not the typists) received from the first keystroke to the end. */
  readerBytes: number
  /** Resident memory before anyone joined (the room is loaded on first join). */
  idleRssBytes: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

/** The room every client joins: the demo negotiation's text. */
export const ROOM = 'ccm/text'

/**
 * One round against a server: joins everyone, lets presence settle, types on schedule, waits
 * for every update to arrive everywhere; then closes every client and stops the server.
 */
export async function measureRound(
  server: ServerChild,
  options: FanoutOptions,
  clients: RoundClients = yWebsocketClients(server, options.presence),
): Promise<RoundResult> {
  const tally = new Tally(options.clients)
  const idle = await server.stats()
  // Every y-websocket provider adds a process 'exit' listener; many typists are no leak.
  process.setMaxListeners(Math.max(process.getMaxListeners(), options.typists + 10))
  const joinStart = performance.now()
  const typists = Array.from({ length: options.typists }, (_, i) => clients.typist(i, tally))
  const listeners: Listener[] = []
  try {
    await within(30_000, 'typists to sync', Promise.all(typists.map((t) => t.synced())))
    // A few at a time, as people arrive, not one connection storm.
    for (let i = options.typists; i < options.clients; i += 20) {
      const batch = Array.from({ length: Math.min(20, options.clients - i) }, (_, j) =>
        clients.reader(i + j, tally),
      )
      listeners.push(...batch)
      await within(30_000, 'readers to sync', Promise.all(batch.map((l) => l.synced)))
    }
    const joinMs = performance.now() - joinStart
    const articles = (typists[0]?.doc.getXmlFragment(TEXT_FRAGMENT).length ?? 3) - 2
    typists.forEach((t, i) => t.placeCursor(i % articles))
    await sleep(1000)

    const before = await server.stats()
    const joinedRssBytes = before.rssBytes
    const generatorBefore = process.cpuUsage()
    const start = performance.now()
    tally.startCounting()
    await typeOnSchedule(typists, options)
    await drain(tally, options.drainLimitMs ?? Infinity)
    tally.stopCounting()
    const wallMs = performance.now() - start
    const generator = process.cpuUsage(generatorBefore)
    const readerBytes = tally.readerBytes
    const after = await server.stats()
    return {
      tally,
      joinMs,
      wallMs,
      serverCpuMs: after.cpuMs - before.cpuMs,
      generatorCpuMs: (generator.user + generator.system) / 1000,
      rssBytes: after.rssBytes,
      joinedRssBytes,
      readerBytes,
      idleRssBytes: idle.rssBytes,
      loopDelayP99Ms: after.loopDelayP99Ms,
      loopDelayMaxMs: after.loopDelayMaxMs,
    }
  } finally {
    listeners.forEach((l) => l.close())
    typists.forEach((t) => t.destroy())
    await server.stop()
  }
}

// Every typist strikes a key every 1/rate s, phases spread evenly; a late timer catches up, so
// the offered load stays the same however busy this process gets.
function typeOnSchedule(typists: Typist[], { rate, seconds }: FanoutOptions): Promise<void> {
  const interval = 1000 / rate
  const perTypist = Math.round(rate * seconds)
  const start = performance.now()
  const next = typists.map((_, i) => start + (i / typists.length) * interval)
  const count = typists.map(() => 0)
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now()
      let done = true
      typists.forEach((typist, i) => {
        while ((count[i] ?? 0) < perTypist && (next[i] ?? 0) <= now) {
          typist.keystroke()
          count[i] = (count[i] ?? 0) + 1
          next[i] = (next[i] ?? 0) + interval
        }
        if ((count[i] ?? 0) < perTypist) done = false
      })
      if (!done) return
      clearInterval(timer)
      resolve()
    }, 2)
  })
}

// Waits until every update has reached every client, nothing more arrived for 3 s, or the
// limit passed (a server far behind may take minutes to catch up, if ever).
async function drain(tally: Tally, limitMs: number): Promise<void> {
  let last = -1
  let stalledSince = performance.now()
  const until = performance.now() + limitMs
  while (tally.delivered < tally.expected && performance.now() < until) {
    if (tally.delivered !== last) {
      last = tally.delivered
      stalledSince = performance.now()
    } else if (performance.now() - stalledSince > 3000) return
    await sleep(20)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
