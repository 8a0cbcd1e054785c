import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

/** Port 6379's Redis, the machine's: tests share it with random prefixes and never restart it. */
export const TEST_REDIS_URL = process.env.PLENARY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A free TCP port on 127.0.0.1 (free now; bind it soon). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A random channel and key prefix, so that tests sharing one Redis never hear each other. */
export const randomRedisPrefix = (): string => `t${Math.random().toString(36).slice(2, 10)}:`

/** A redis-server of a test's own (never the machine's), which the test may stop and start. */
export interface OwnRedis {
  url: string
  port: number
  /** Kills it (SIGKILL: pub/sub state and connections are gone at once). */
  stop(): Promise<void>
  /** Starts it again on the same port, empty. */
  start(): Promise<void>
}

/** Starts `redis-server` on a free port with nothing saved to disk; `stop()` it when done. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = started
    let output = ''
    await new Promise<void>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) resolve()
      })
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)))
    })
  }
  const stop = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, stop, start }
}
