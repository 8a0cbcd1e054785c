import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { openStorage } from '../../server/src/storage/openStorage'
import {
  ROOM,
  measureRound,
  type FanoutOptions,
  type RoundClients,
  type RoundResult,
} from '../fanout/measureRound'
import type { ServerChild } from '../fanout/serverChild'
import { Listener } from '../fanout/Listener'
import type { Tally } from '../fanout/Tally'
import { READERS, TYPISTS } from '../fanout/stressServers'
import { Typist } from '../fanout/Typist'
import { createBenchAccounts, type BenchAccount } from '../support/benchAccounts'
import {
  buildOurServer,
  prepareOurData,
  removeOurData,
  spawnOurServer,
  type OurServer,
} from '../support/ourServer'
import { bytes, median, ms, quantile, ratio } from '../stats'
import { appendCost, appendCostLines } from './appendCost'

/** The cluster section's load and where PostgreSQL and Redis are. */
export interface ClusterBenchOptions extends Omit<FanoutOptions, 'clients' | 'typists'> {
  clients: number
  typists: number
  databaseUrl: string
  redisUrl: string
  /** Keystrokes appended one by one for the append cost (0: skip it). */
  appends: number
}

// The set-ups compared under the same load: today's single process, the same on PostgreSQL and
// Redis, and two instances on them with the clients spread evenly over both.
const SETUPS = ['one, SQLite', 'one, PostgreSQL+Redis', 'two, PostgreSQL+Redis'] as const
type Setup = (typeof SETUPS)[number]

interface Measured {
  setup: Setup
  rounds: RoundResult[]
  error?: string
}

/**
 * Several instances under conference load (issue 16): at one size, the same typing against one
 * instance on SQLite, one on PostgreSQL with Redis, and two on PostgreSQL with Redis (typists
 * and readers alternating between them, so most keystrokes cross Redis), each in fresh
 * processes on fresh data per round; then the cost of one room append on PostgreSQL and SQLite.
 */
export async function benchCluster(options: ClusterBenchOptions): Promise<string[]> {
  const compiled = buildOurServer()
  const measured = new Map<Setup, Measured>(SETUPS.map((s) => [s, { setup: s, rounds: [] }]))
  const loadBefore = os.loadavg()[0] ?? 0
  for (let round = 0; round < options.rounds; round++) {
    for (const setup of SETUPS) {
      const entry = measured.get(setup) as Measured
      if (entry.error) continue
      try {
        entry.rounds.push(await runRound(setup, options, compiled))
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error)
      }
    }
  }
  const load = `${loadBefore.toFixed(1)} -> ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.availableParallelism()} cores`
  const lines = report(options, [...measured.values()], load, compiled)
  if (options.appends > 0) {
    try {
      lines.push(...appendCostLines(await appendCost(options.appends, options.databaseUrl)))
    } catch (error) {
      lines.push(`append per keystroke could not run: ${String(error)}`)
    }
  }
  return lines
}

const groups = (options: ClusterBenchOptions) => [
  { prefix: TYPISTS, count: options.typists, membership: () => ({ role: 'chair' as const }) },
  {
    prefix: READERS,
    count: options.clients - options.typists,
    membership: () => ({ role: 'observer' as const }),
  },
]

// One round of one set-up, on fresh data; the servers are stopped by measureRound.
async function runRound(
  setup: Setup,
  options: ClusterBenchOptions,
  compiled: string | undefined,
): Promise<RoundResult> {
  const size = { clients: options.clients, typists: options.typists }
  if (setup === 'one, SQLite') {
    const prepared = await prepareOurData(groups(options))
    const server = await spawnOurServer(prepared, compiled)
    return measureRound(
      server,
      { ...options, ...size },
      clientsOver([server], prepared.accounts, options.presence),
    )
  }
  const schema = await PgSchema.create(options.databaseUrl)
  try {
    const accounts = await preparePg(schema.url, groups(options))
    const env = {
      DATABASE_URL: schema.url,
      REDIS_URL: options.redisUrl,
      REDIS_PREFIX: `bench${crypto.randomBytes(4).toString('hex')}:`,
    }
    const count = setup === 'one, PostgreSQL+Redis' ? 1 : 2
    const servers: OurServer[] = []
    try {
      // One after the other: the first brings the schema up to date.
      for (let i = 0; i < count; i++) servers.push(await spawnOurServer(emptyDir(), compiled, env))
    } catch (error) {
      await Promise.all(servers.map((s) => s.stop()))
      throw error
    }
    return await measureRound(
      together(servers),
      { ...options, ...size },
      clientsOver(servers, accounts, options.presence),
    )
  } finally {
    await schema.drop()
  }
}

// Client i goes to instance i mod n (typists and readers alike), each with its own token.
function clientsOver(
  servers: ServerChild[],
  accounts: Record<string, BenchAccount[]>,
  presence: boolean,
): RoundClients {
  const typists = accounts[TYPISTS] ?? []
  const readers = accounts[READERS] ?? []
  const at = (i: number) => (servers[i % servers.length] as ServerChild).wsUrl
  const token = (list: BenchAccount[], i: number) => {
    const account = list[i]
    if (!account) throw new Error(`no bench account for client ${i}`)
    return account.token
  }
  return {
    typist: (i: number, tally: Tally) =>
      new Typist(at(i), ROOM, i, tally, presence, { token: token(typists, i) }),
    reader: (i: number, tally: Tally) =>
      new Listener(`${at(i)}/${ROOM}?token=${token(readers, i - typists.length)}`, i, tally, {}),
  }
}

// Several instances seen as one server: CPU time and resident memory summed over them.
function together(servers: OurServer[]): ServerChild {
  const first = servers[0] as OurServer
  return {
    wsUrl: first.wsUrl,
    pid: first.pid,
    stats: async () => {
      const all = await Promise.all(servers.map((s) => s.stats()))
      return {
        cpuMs: all.reduce((t, s) => t + s.cpuMs, 0),
        rssBytes: all.reduce((t, s) => t + s.rssBytes, 0),
        loopDelayP99Ms: NaN,
        loopDelayMaxMs: NaN,
      }
    },
    seed: () => Promise.reject(new Error('our servers load their rooms from storage')),
    stop: async () => void (await Promise.all(servers.map((s) => s.stop()))),
  }
}

// The demo negotiation and the clients' accounts in a PostgreSQL schema.
async function preparePg(
  databaseUrl: string,
  list: ReturnType<typeof groups>,
): Promise<Record<string, BenchAccount[]>> {
  const dir = emptyDir()
  const storage = await openStorage(dir.dataDir, { databaseUrl })
  const accounts: Record<string, BenchAccount[]> = {}
  try {
    await loadDemoIfEmpty(storage)
    for (const { prefix, count, membership } of list) {
      accounts[prefix] = await createBenchAccounts(storage, 'ccm', prefix, count, membership)
    }
  } finally {
    await storage.close()
    removeOurData(dir)
  }
  return accounts
}

// A data folder an instance on PostgreSQL does not use (spawnOurServer wants one, and deletes it).
const emptyDir = () => ({
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-cluster-')),
  accounts: {},
})

// A schema of the bench's own in the given database, dropped after the round.
class PgSchema {
  private constructor(
    readonly url: string,
    private readonly name: string,
    private readonly databaseUrl: string,
  ) {}

  static async create(databaseUrl: string): Promise<PgSchema> {
    const name = `bench_${crypto.randomBytes(6).toString('hex')}`
    await PgSchema.admin(databaseUrl, `CREATE SCHEMA ${name}`)
    const url = new URL(databaseUrl)
    url.searchParams.set('options', `-c search_path=${name}`)
    return new PgSchema(url.toString().replace(/\+/g, '%20'), name, databaseUrl)
  }

  drop(): Promise<void> {
    return PgSchema.admin(this.databaseUrl, `DROP SCHEMA IF EXISTS ${this.name} CASCADE`)
  }

  private static async admin(databaseUrl: string, sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
}

function report(
  options: ClusterBenchOptions,
  measured: Measured[],
  load: string,
  compiled: string | undefined,
): string[] {
  const keystrokes = options.typists * Math.round(options.rate * options.seconds)
  const lines = [
    `cluster ${options.clients} clients, ${options.typists} typing: ${keystrokes} keystrokes a ` +
      `round (${options.rate}/s per typist for ${options.seconds} s), cursor presence ` +
      `${options.presence ? 'on' : 'off'}; ` +
      `${options.rounds} round(s) per set-up, our server ${compiled ? 'compiled from the current sources' : 'under tsx'}, ` +
      `generator and instances on this machine (load average ${load})`,
    `  two instances: client i on instance i mod 2, so half of each typist's readers hear it ` +
      `through Redis; RSS and CPU summed over the instances`,
  ]
  const p = new Map<Setup, { p50: number; p99: number }>()
  for (const { setup, rounds, error } of measured) {
    if (rounds.length === 0) {
      lines.push(`  ${setup.padEnd(24)} could not run: ${error ?? 'no round'}`)
      continue
    }
    const per = (q: number) => median(rounds.map((r) => quantile(r.tally.latencies, q)))
    const delivered = rounds.reduce((t, r) => t + r.tally.delivered, 0)
    const expected = rounds.reduce((t, r) => t + r.tally.expected, 0)
    const wall = rounds.reduce((t, r) => t + r.wallMs, 0)
    const cpu = rounds.reduce((t, r) => t + r.serverCpuMs, 0) / wall
    const rss = Math.max(...rounds.map((r) => Math.max(r.rssBytes, r.joinedRssBytes)))
    const figures = { p50: per(0.5), p99: per(0.99) }
    p.set(setup, figures)
    const share = delivered === expected ? '100%' : `${((delivered / expected) * 100).toFixed(2)}%`
    lines.push(
      `  ${setup.padEnd(24)} p50 ${ms(figures.p50)} p99 ${ms(figures.p99)} ms | delivered ` +
        `${share} | connect all ${ms(median(rounds.map((r) => r.joinMs)))} ms | RSS ${bytes(rss)} | ` +
        `server CPU ${(cpu * 100).toFixed(0)}%${error ? ` | a later round failed: ${error}` : ''}`,
    )
  }
  const two = p.get('two, PostgreSQL+Redis')
  const onePg = p.get('one, PostgreSQL+Redis')
  const oneSqlite = p.get('one, SQLite')
  if (two) {
    lines.push(
      `  ratios: two / one on PostgreSQL+Redis p50 ${onePg ? ratio(two.p50, onePg.p50) : 'n/a'}, ` +
        `p99 ${onePg ? ratio(two.p99, onePg.p99) : 'n/a'} | two / one on SQLite p99 ` +
        `${oneSqlite ? ratio(two.p99, oneSqlite.p99) : 'n/a'}`,
    )
  }
  return lines
}
