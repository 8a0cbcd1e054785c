import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { loadDemoAccounts } from '../../server/src/negotiations/demoAccounts'
import { openStorage } from '../../server/src/storage/openStorage'
import type { Storage } from '../../server/src/storage/Storage'
import { spawnOurServer } from '../support/ourServer'

/** Plenary's server as an operator runs it: its own process, over a data folder of its own. */
export interface PlenaryProcess {
  /** http://127.0.0.1:<port> */
  url: string
  /** ws://127.0.0.1:<port>/collab */
  wsUrl: string
  pid: number
  /** How it was started, e.g. `node --max-semi-space-size=4 dist/server/index.js`. */
  command: string
  dataDir: string
  /** The process's resident memory now (VmRSS), in bytes; 0 once it has exited. */
  rssBytes(): number
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number
  /** Stops it (SIGTERM, then SIGKILL after 15 s) and deletes its data folder. */
  stop(): Promise<void>
}

/**
 * Makes a data folder with the demo negotiation and its demo accounts, lets `prepare` add to it
 * through the real storage (benchmark accounts and their tokens), closes it, then starts the
 * server on it as `npm start` does (`bench/support/ourServer.ts`: `compiled`, else
 * dist/server if built, else under tsx; with the start script's node options; PORT, DATA_DIR)
 * and waits until `/api/health` answers.
 */
export async function startPlenary<T>(
  prepare: (storage: Storage) => Promise<T>,
  compiled?: string,
): Promise<{ server: PlenaryProcess; prepared: T }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-conference-'))
  const storage = await openStorage(dataDir)
  let prepared: T
  try {
    if (await loadDemoIfEmpty(storage)) await loadDemoAccounts(storage)
    prepared = await prepare(storage)
  } finally {
    await storage.close()
  }
  const ours = await spawnOurServer({ dataDir, accounts: {} }, compiled)
  const url = ours.wsUrl.replace(/^ws:/, 'http:').replace(/\/collab$/, '')
  try {
    await waitForHealth(url)
  } catch (error) {
    await ours.stop()
    throw error
  }
  let stopped = false
  return {
    prepared,
    server: {
      url,
      wsUrl: ours.wsUrl,
      pid: ours.pid,
      command: ours.command,
      dataDir,
      rssBytes: () => (stopped ? 0 : vmRss(ours.pid)),
      cpuMs: () => cpuTime(ours.pid),
      stop: async () => {
        stopped = true
        await ours.stop()
      },
    },
  }
}

async function waitForHealth(url: string): Promise<void> {
  const until = performance.now() + 60_000
  while (performance.now() < until) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return
    } catch {
      // Not yet listening for HTTP.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} did not answer /api/health within 60 s`)
}

/** A process's resident memory (VmRSS of /proc/<pid>/status) in bytes, or 0 if unreadable. */
export function vmRss(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    return kb ? Number(kb) * 1024 : 0
  } catch {
    return 0
  }
}

/** CPU time (utime + stime of /proc/<pid>/stat) a process has used, in ms; 0 if unreadable. */
export function cpuTime(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command's closing parenthesis; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return 0
  }
}

/** Linux's USER_HZ: /proc times are in hundredths of a second. */
const CLOCK_TICKS = 100

/**
 * Starts timing a phase: the returned function tells the server's and this load generator's
 * CPU share of the wall time since (near 100% for the generator: the figures say more about the
 * generator than about the server), and the machine's load average then (above the core count,
 * both wait for a core and latencies measure the machine).
 */
export function cpuShare(server: Pick<PlenaryProcess, 'cpuMs'>): () => string {
  const start = performance.now()
  const serverStart = server.cpuMs()
  const generatorStart = process.cpuUsage()
  return () => {
    const wall = performance.now() - start
    const generator = process.cpuUsage(generatorStart)
    const share = (cpu: number) => `${((cpu / wall) * 100).toFixed(0)}%`
    return (
      `server CPU ${share(server.cpuMs() - serverStart)}, generator CPU ` +
      `${share((generator.user + generator.system) / 1000)} (machine load ` +
      `${(os.loadavg()[0] ?? 0).toFixed(1)})`
    )
  }
}

/** Samples a process's resident memory every `everyMs` while it runs; keeps the maximum by phase. */
export class RssSampler {
  private readonly timer: NodeJS.Timeout
  private phase = 'start'
  /** The highest sample of each phase, in bytes. */
  readonly maxByPhase = new Map<string, number>()
  /** Samples taken. */
  samples = 0

  constructor(read: () => number, everyMs = 100) {
    this.timer = setInterval(() => {
      const rss = read()
      if (rss === 0) return
      this.samples++
      this.maxByPhase.set(this.phase, Math.max(this.maxByPhase.get(this.phase) ?? 0, rss))
    }, everyMs)
    this.timer.unref()
  }

  /** Samples from now on count towards `phase`. */
  enter(phase: string): void {
    this.phase = phase
  }

  /** The highest sample of one phase, or of all of them. */
  max(phase?: string): number {
    if (phase !== undefined) return this.maxByPhase.get(phase) ?? 0
    return Math.max(0, ...this.maxByPhase.values())
  }

  /** Stops sampling. */
  stop(): void {
    clearInterval(this.timer)
  }
}
