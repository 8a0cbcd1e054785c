import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { procStats } from '../support/procStats'
import type { FromChild, ServerStats, ToChild } from './childProtocol'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** A server under test, running in its own process so that it never shares the generator's loop. */
export interface ServerChild {
  /** ws://127.0.0.1:<port>/collab */
  wsUrl: string
  /** The server's process id. */
  pid: number
  /**
   * CPU time so far and resident memory (from /proc, answered even while the server is busy),
   * and event-loop delay since the previous call (NaN if the server does not answer in 2 s).
   */
  stats(): Promise<ServerStats>
  /** Applies an update to a named document before any client joins (the reference only). */
  seed(doc: string, update: Uint8Array): Promise<void>
  /** Stops the server and waits for its process to exit. */
  stop(): Promise<void>
}

/**
 * Starts `bench/fanout/<entry>.ts` (or `bench/<folder>/<entry>.ts` for an entry with a folder,
 * e.g. `references/mergingServerProcess`) as a child process and waits until it listens.
 */
export async function spawnServerChild(entry: string): Promise<ServerChild> {
  const file = entry.includes('/') ? `bench/${entry}.ts` : `bench/fanout/${entry}.ts`
  // node --import tsx rather than the tsx binary, so the server is this child, not a grandchild.
  const child = fork(path.join(ROOT, file), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    // Its stdout is start-up chatter (a first start announces a fresh admin password); errors
    // still show on stderr.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error(`${entry} did not start`)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: FromChild) => (m.type === 'listening' ? resolve(m.port) : reject()))
    void exited.then(() => reject(new Error(`${entry} exited before listening`)))
  })
  return {
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    pid,
    stats: async () => {
      const outside = procStats(pid)
      const answered = await Promise.race([
        request(child, { type: 'stats' }, 'stats'),
        new Promise<undefined>((resolve) => setTimeout(resolve, 2000)),
      ])
      return {
        ...outside,
        loopDelayP99Ms: answered?.loopDelayP99Ms ?? NaN,
        loopDelayMaxMs: answered?.loopDelayMaxMs ?? NaN,
      }
    },
    seed: async (doc, update) =>
      void (await request(child, { type: 'seed', doc, update }, 'seeded')),
    stop: async () => {
      child.send({ type: 'stop' } satisfies ToChild)
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
}

function request<T extends FromChild['type']>(
  child: ChildProcess,
  message: ToChild,
  answer: T,
): Promise<Omit<Extract<FromChild, { type: T }>, 'type'>> {
  return new Promise((resolve) => {
    const on = (m: FromChild) => {
      if (m.type !== answer) return
      child.off('message', on)
      resolve(m as Extract<FromChild, { type: T }>)
    }
    child.on('message', on)
    child.send(message)
  })
}
