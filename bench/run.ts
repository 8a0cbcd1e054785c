// `npm run bench`: the performance targets of DESIGN.md, each measured against a reference in
// the same run and printed as figures and ratios (never pass/fail on wall-clock time).
// Scale with BENCH_* variables; see bench/README.md.
import { benchDiff } from './diff/diffBench'
import { benchStress } from './fanout/stressBench'
import { STRESS_SERVERS, type StressServer } from './fanout/stressServers'
import { benchLoad } from './load/loadBench'
import { envInt } from './stats'

// BENCH_ONLY: one section or several, comma-separated (`fanout` is the stress section's old name).
const only = process.env.BENCH_ONLY?.split(',').map((s) =>
  s.trim() === 'fanout' ? 'stress' : s.trim(),
)
const runs = (section: string) => !only || only.includes(section)

if (runs('load')) {
  const lines = await benchLoad({
    updates: envInt('BENCH_UPDATES', 100_000),
    runs: envInt('BENCH_LOAD_RUNS', 7),
    mergeRuns: envInt('BENCH_MERGE_RUNS', 1),
    mergeLimitMs: envInt('BENCH_MERGE_LIMIT_S', 30) * 1000,
  })
  lines.forEach((line) => console.log(line))
}

if (runs('stress')) {
  const lines = await benchStress({
    sizes: stressSizes(process.env.BENCH_STRESS_SIZES ?? '500/20,1000/50'),
    servers: stressServers(process.env.BENCH_STRESS_SERVERS ?? STRESS_SERVERS.join(',')),
    rate: envInt('BENCH_RATE', 5),
    seconds: envInt('BENCH_SECONDS', 10),
    presence: process.env.BENCH_PRESENCE !== '0',
    rounds: Math.max(1, envInt('BENCH_ROUNDS', 2)),
    drainLimitMs: envInt('BENCH_DRAIN_S', 10) * 1000,
  })
  lines.forEach((line) => console.log(line))
}

if (runs('cluster')) {
  const { benchCluster } = await import('./cluster/clusterBench')
  const lines = await benchCluster({
    clients: envInt('BENCH_CLUSTER_CLIENTS', 1000),
    typists: envInt('BENCH_CLUSTER_TYPISTS', 50),
    rate: envInt('BENCH_RATE', 5),
    seconds: envInt('BENCH_SECONDS', 10),
    presence: process.env.BENCH_PRESENCE !== '0',
    rounds: Math.max(1, envInt('BENCH_CLUSTER_ROUNDS', 1)),
    drainLimitMs: envInt('BENCH_DRAIN_S', 10) * 1000,
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    appends: envInt('BENCH_APPENDS', 2000),
  })
  lines.forEach((line) => console.log(line))
}

if (runs('diff')) {
  const lines = await benchDiff({
    limitMs: envInt('BENCH_DIFF_LIMIT_S', 10) * 1000,
    limitBytes: envInt('BENCH_DIFF_LIMIT_MB', 4000) * 1e6,
  })
  lines.forEach((line) => console.log(line))
}

if (runs('conference')) {
  const { benchConference } = await import('./conference/conferenceBench')
  const lines = await benchConference({
    readers: envInt('BENCH_CONF_READERS', 1000),
    typists: envInt('BENCH_CONF_TYPISTS', 2),
    rate: envInt('BENCH_CONF_RATE', 5),
    seconds: envInt('BENCH_CONF_SECONDS', 10),
    drafts: envInt('BENCH_CONF_DRAFTS', 100),
    sponsors: envInt('BENCH_CONF_SPONSORS', 3),
    refetches: envInt('BENCH_CONF_REFETCH', 1000),
    reference: process.env.BENCH_CONF_REFERENCE !== '0',
  })
  lines.forEach((line) => console.log(line))
}

if (runs('browser')) {
  const { benchBrowser } = await import('./browser/browserBench')
  const lines = await benchBrowser({
    keystrokes: envInt('BENCH_BROWSER_KEYSTROKES', 100_000),
    clients: envInt('BENCH_BROWSER_CLIENTS', 4),
    rate: envInt('BENCH_BROWSER_RATE', 1000),
    runs: envInt('BENCH_BROWSER_RUNS', 5),
    username: process.env.BENCH_BROWSER_USER ?? 'chair',
  })
  lines.forEach((line) => console.log(line))
}

// "500/20,1000/50": clients/typists at each size.
function stressSizes(raw: string): { clients: number; typists: number }[] {
  return raw.split(',').map((size) => {
    const [clients, typists] = size.split('/').map(Number)
    if (!Number.isInteger(clients) || !Number.isInteger(typists) || !(clients! > typists!))
      throw new RangeError(`BENCH_STRESS_SIZES: ${size} is not clients/typists`)
    return { clients: clients!, typists: typists! }
  })
}

function stressServers(raw: string): StressServer[] {
  return raw.split(',').map((name) => {
    const server = STRESS_SERVERS.find((s) => s === name.trim())
    if (!server)
      throw new RangeError(`BENCH_STRESS_SERVERS: ${name} is not one of ${STRESS_SERVERS}`)
    return server
  })
}
