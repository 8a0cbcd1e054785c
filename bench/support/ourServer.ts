import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Membership } from '../../shared/domain/policy'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { openStorage } from '../../server/src/storage/openStorage'
import type { ServerChild } from '../fanout/serverChild'
import { createBenchAccounts, type BenchAccount } from './benchAccounts'
import { procStats } from './procStats'

export { procStats } from './procStats'

const ROOT = path.resolve(import.meta.dirname, '../..')
const COMPILED = path.join(ROOT, 'dist/server/index.js')

/** A group of accounts to make: `<prefix>-0` … `<prefix>-<count - 1>`, each with its membership. */
export interface AccountGroup {
  prefix: string
  count: number
  membership: (i: number) => Membership
}

/** A data folder with the demo negotiation and the bench's accounts, ready for a server. */
export interface PreparedData {
  dataDir: string
  /** The accounts made, by group prefix. */
  accounts: Record<string, BenchAccount[]>
}

/**
 * Makes a throwaway data folder holding the demo negotiation (`ccm`, its text room `ccm/text`)
 * and the given accounts, each with its own API token, in `negotiationId` (default `ccm`).
 */
export async function prepareOurData(
  groups: AccountGroup[],
  negotiationId = 'ccm',
): Promise<PreparedData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-data-'))
  const storage = await openStorage(dataDir)
  const accounts: Record<string, BenchAccount[]> = {}
  try {
    await loadDemoIfEmpty(storage)
    for (const { prefix, count, membership } of groups)
      accounts[prefix] = await createBenchAccounts(
        storage,
        negotiationId,
        prefix,
        count,
        membership,
      )
  } finally {
    await storage.close()
  }
  return { dataDir, accounts }
}

/** A copy of a prepared data folder, so that each round starts from the same state. */
export function copyOurData(prepared: PreparedData): PreparedData {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-data-'))
  fs.cpSync(prepared.dataDir, dataDir, { recursive: true })
  return { dataDir, accounts: prepared.accounts }
}

/** Deletes a prepared data folder. */
export function removeOurData(prepared: PreparedData): void {
  fs.rmSync(prepared.dataDir, { recursive: true, force: true })
}

/** How our server was started: compiled JavaScript with plain node, or the sources under tsx. */
export type OurServerMode = 'compiled' | 'tsx'

/** Our server running as `npm start` runs it, in a process of its own. */
export interface OurServer extends ServerChild {
  mode: OurServerMode
  /** The command line, for the report. */
  command: string
}

/**
 * Compiles the server from the current sources with the project's build script into
 * `dist/bench-server/index.js` (the bench's own copy: `dist/server` may be older than the
 * sources, and others may be running it) and returns its path, or undefined if the build failed.
 */
export function buildOurServer(): string | undefined {
  const outfile = path.join(ROOT, 'dist/bench-server/index.js')
  try {
    fs.rmSync(path.dirname(outfile), { recursive: true, force: true })
    execFileSync(process.execPath, ['scripts/build-server.mjs', outfile], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    return outfile
  } catch {
    return undefined
  }
}

/**
 * Starts our server on a data folder as `npm start` would, with plain node and the node options
 * of its start script: `compiled` if given (see `buildOurServer`), else the compiled
 * `dist/server/index.js` if it exists, else `node --import tsx server/src/index.ts`. It knows
 * nothing of the bench (no IPC), so its CPU time and memory are read from /proc; its event-loop
 * delay is not known (NaN). `stop` ends it with SIGTERM and deletes the data folder. `env` adds
 * settings (e.g. DATABASE_URL and REDIS_URL for one of several instances).
 */
export async function spawnOurServer(
  prepared: PreparedData,
  compiled: string | undefined = fs.existsSync(COMPILED) ? COMPILED : undefined,
  env: Record<string, string> = {},
): Promise<OurServer> {
  const mode: OurServerMode = compiled ? 'compiled' : 'tsx'
  const flags = startFlags()
  const args = compiled
    ? [...flags, compiled]
    : [...flags, '--import', 'tsx', 'server/src/index.ts']
  const port = await freePort()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: prepared.dataDir,
      ADMIN_PASSWORD: randomUUID(),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('our server did not start')
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true
      resolve()
    }),
  )
  const deadline = Date.now() + 60_000
  while (!(await accepts(port))) {
    if (exited) throw new Error(`our server (${mode}) exited before listening`)
    if (Date.now() > deadline) throw new Error(`our server (${mode}) did not listen in 60 s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    pid,
    mode,
    command: `node ${args.map((a) => path.relative(ROOT, a) || a).join(' ')}`,
    stats: async () => ({ ...procStats(pid), loopDelayP99Ms: NaN, loopDelayMaxMs: NaN }),
    seed: () => Promise.reject(new Error('our server loads its rooms from its data folder')),
    stop: async () => {
      if (!exited) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exit
      clearTimeout(timer)
      removeOurData(prepared)
    },
  }
}

// The node options `npm start` gives the compiled server (`node <flags> dist/server/index.js`).
function startFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>
  }
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/server\/index\.js/.exec(pkg.scripts?.start ?? '')
  return match?.[1]?.trim().split(/\s+/).filter(Boolean) ?? []
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
