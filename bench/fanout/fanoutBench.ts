import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { bytes, median, ms, quantile, ratio } from '../stats'
import { ROOM, measureRound, type FanoutOptions, type RoundResult } from './measureRound'
import { spawnServerChild } from './serverChild'

export type { FanoutOptions } from './measureRound'

/**
 * The same load against our server and the y-websocket reference server, each in a fresh child
 * process per round, rounds alternating so that drifting machine noise falls on both alike.
 */
export async function benchFanout(options: FanoutOptions): Promise<string[]> {
  const seed = await demoTextUpdate()
  const loadBefore = os.loadavg()[0] ?? 0
  const ours: RoundResult[] = []
  const theirs: RoundResult[] = []
  for (let round = 0; round < options.rounds; round++) {
    ours.push(await measureRound(await spawnServerChild('ourServerProcess'), options))
    const reference = await spawnServerChild('referenceServerProcess')
    await reference.seed(`collab/${ROOM}`, seed)
    theirs.push(await measureRound(reference, options))
  }
  const loadAverage = `${loadBefore.toFixed(1)} -> ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.availableParallelism()} cores`
  return report(options, pool(ours), pool(theirs), loadAverage)
}

interface Pooled {
  latencies: number[]
  /** Each latency percentile per round; the median over rounds shrugs off one noisy round. */
  byRound: { p50: number[]; p95: number[]; p99: number[] }
  delivered: number
  expected: number
  duplicates: number
  bytesReceived: number
  joinMs: number
  wallMs: number
  serverCpuMs: number
  generatorCpuMs: number
  rssBytes: number
  idleRssBytes: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

const sum = (rounds: RoundResult[], of: (r: RoundResult) => number) =>
  rounds.reduce((total, r) => total + of(r), 0)
const max = (rounds: RoundResult[], of: (r: RoundResult) => number) => Math.max(...rounds.map(of))

function pool(rounds: RoundResult[]): Pooled {
  return {
    latencies: rounds.flatMap((r) => r.tally.latencies),
    byRound: {
      p50: rounds.map((r) => quantile(r.tally.latencies, 0.5)),
      p95: rounds.map((r) => quantile(r.tally.latencies, 0.95)),
      p99: rounds.map((r) => quantile(r.tally.latencies, 0.99)),
    },
    delivered: sum(rounds, (r) => r.tally.delivered),
    expected: sum(rounds, (r) => r.tally.expected),
    duplicates: sum(rounds, (r) => r.tally.duplicates),
    bytesReceived: sum(rounds, (r) => r.tally.bytesReceived) / rounds.length,
    joinMs: median(rounds.map((r) => r.joinMs)),
    wallMs: sum(rounds, (r) => r.wallMs),
    serverCpuMs: sum(rounds, (r) => r.serverCpuMs),
    generatorCpuMs: sum(rounds, (r) => r.generatorCpuMs),
    rssBytes: max(rounds, (r) => r.rssBytes),
    idleRssBytes: max(rounds, (r) => r.idleRssBytes),
    loopDelayP99Ms: median(rounds.map((r) => r.loopDelayP99Ms)),
    loopDelayMaxMs: max(rounds, (r) => r.loopDelayMaxMs),
  }
}

function report(
  options: FanoutOptions,
  ours: Pooled,
  theirs: Pooled,
  loadAverage: string,
): string[] {
  const p = (run: Pooled, q: 'p50' | 'p95' | 'p99') => median(run.byRound[q])
  const figures = (run: Pooled) =>
    `p50 ${ms(p(run, 'p50'))} p95 ${ms(p(run, 'p95'))} p99 ${ms(p(run, 'p99'))} ms`
  const keystrokes = options.typists * Math.round(options.rate * options.seconds)
  return [
    `fanout ${options.clients} clients, ${options.typists} typing: ours ${figures(ours)} | ` +
      `reference ${figures(theirs)} | ratio p99 ${ratio(p(ours, 'p99'), p(theirs, 'p99'))} | ` +
      `delivered ${delivered(ours)} vs ${delivered(theirs)}`,
    `  ${options.rounds} round(s) each, alternating; percentiles are medians over rounds; ` +
      `machine load average ${loadAverage}`,
    `  a round: ${keystrokes} keystrokes ` +
      `(${options.rate}/s per typist for ${options.seconds} s), cursor presence ` +
      `${options.presence ? 'on' : 'off'}; typists are y-websocket providers, the other ` +
      `${options.clients - options.typists} raw ws readers; ratios are ours / reference`,
    `  ours:      ${details(ours)}`,
    `  reference: ${details(theirs)}`,
    `  ours / reference: bytes to clients ${ratio(ours.bytesReceived, theirs.bytesReceived)}, ` +
      `server CPU ${ratio(ours.serverCpuMs, theirs.serverCpuMs)}, join ` +
      `${ratio(ours.joinMs, theirs.joinMs)}, RSS ${ratio(ours.rssBytes, theirs.rssBytes)}`,
  ]
}

const delivered = ({ delivered, expected }: Pooled): string =>
  delivered === expected ? '100%' : `${((delivered / expected) * 100).toFixed(2)}%`

const percent = (cpuMs: number, wallMs: number) => `${((cpuMs / wallMs) * 100).toFixed(0)}%`

const details = (run: Pooled): string =>
  `${run.delivered}/${run.expected} arrivals (${run.duplicates} duplicate), p99 by round ` +
  `${run.byRound.p99.map(ms).join('/')} ms, max ${ms(quantile(run.latencies, 1))} ms; ` +
  `${bytes(run.bytesReceived)} to clients a round; server CPU ` +
  `${percent(run.serverCpuMs, run.wallMs)}, loop delay p99 ${ms(run.loopDelayP99Ms)} max ` +
  `${ms(run.loopDelayMaxMs)} ms, RSS ${bytes(run.rssBytes)} (${bytes(run.idleRssBytes)} before ` +
  `joins); all joined in ${ms(run.joinMs)} ms; generator CPU ` +
  `${percent(run.generatorCpuMs, run.wallMs)}`

// The demo negotiation's text room as one update, to seed the reference server with.
async function demoTextUpdate(): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-seed-'))
  const storage = new SqliteStorage(path.join(dir, 'seed.sqlite'))
  try {
    await loadDemoIfEmpty(storage)
    const [update] = await storage.loadRoom(ROOM)
    if (!update) throw new Error('the demo negotiation has no text room')
    return update
  } finally {
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
