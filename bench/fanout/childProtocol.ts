import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/** Messages between the benchmark and a server it runs in a child process (IPC, advanced). */
export type ToChild =
  { type: 'stats' } | { type: 'seed'; doc: string; update: Uint8Array } | { type: 'stop' }

/** What a server child reports about itself. */
export interface ServerStats {
  /** CPU time (user + system) used since the process started. */
  cpuMs: number
  rssBytes: number
  /** Event-loop delay since the previous report: how long work waited for the loop. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

export type FromChild =
  { type: 'listening'; port: number } | ({ type: 'stats' } & ServerStats) | { type: 'seeded' }

/**
 * Runs inside a server child: tells the parent the port, answers requests for CPU time, memory
 * and event-loop delay, seeds documents if the server can, and stops on request.
 */
export async function serveParent(
  name: string,
  port: number,
  hooks: { stop: () => Promise<void>; seed?: (doc: string, update: Uint8Array) => void },
): Promise<void> {
  const profile = await startCpuProfile(name)
  const send = (message: FromChild) => process.send?.(message)
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  process.on('message', (message: ToChild) => {
    if (message.type === 'stats') {
      const { user, system } = process.cpuUsage()
      send({
        type: 'stats',
        cpuMs: (user + system) / 1000,
        rssBytes: process.memoryUsage().rss,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        loopDelayMaxMs: loopDelay.max / 1e6,
      })
      loopDelay.reset()
    } else if (message.type === 'seed') {
      if (!hooks.seed) throw new Error('this server cannot be seeded')
      hooks.seed(message.doc, message.update)
      send({ type: 'seeded' })
    } else {
      void hooks
        .stop()
        .then(profile)
        .finally(() => process.exit(0))
    }
  })
  // Orphaned (the benchmark died): go too.
  process.on('disconnect', () => process.exit(0))
  send({ type: 'listening', port })
}

// BENCH_CPU_PROF=<folder>: profiles the server's main thread from here until it stops, and
// writes <name>-<time>.cpuprofile there (open in Chrome DevTools or speedscope).
async function startCpuProfile(name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_CPU_PROF
  if (!dir) return async () => {}
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return async () => {
    const { profile } = await session.post('Profiler.stop')
    const file = `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, file), JSON.stringify(profile))
  }
}
