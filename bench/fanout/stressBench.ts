import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { buildOurServer, prepareOurData, removeOurData } from '../support/ourServer'
import { bytes, median, ms, quantile, ratio } from '../stats'
import { ROOM, measureRound, type FanoutOptions, type RoundResult } from './measureRound'
import { READERS, TYPISTS, startStressServer, type StressServer } from './stressServers'

/** The stress section's load: its sizes, servers and typing. */
export interface StressOptions extends Omit<FanoutOptions, 'clients' | 'typists'> {
  sizes: { clients: number; typists: number }[]
  servers: StressServer[]
}

interface Measured {
  name: StressServer
  how: string
  rounds: RoundResult[]
  error?: string
}

/**
 * Fan-out under conference load: at each size, the same typing against ours (compiled if
 * built, every client signed in with its own token, SQLite), y-websocket's reference server, the
 * minimal merging sketch and Hocuspocus, each in a fresh process per round, servers alternating
 * within a round; prints each server's figures and ours against the references.
 */
export async function benchStress(options: StressOptions): Promise<string[]> {
  const seed = await demoTextUpdate()
  const compiled = options.servers.includes('ours') ? buildOurServer() : undefined
  const lines: string[] = []
  for (const size of options.sizes) {
    const loadBefore = os.loadavg()[0] ?? 0
    const prepared = await prepareOurData([
      { prefix: TYPISTS, count: size.typists, membership: () => ({ role: 'chair' }) },
      {
        prefix: READERS,
        count: size.clients - size.typists,
        membership: () => ({ role: 'observer' }),
      },
    ])
    const measured = new Map<StressServer, Measured>()
    try {
      for (let round = 0; round < options.rounds; round++) {
        for (const name of options.servers) {
          const entry = measured.get(name) ?? { name, how: '', rounds: [] }
          measured.set(name, entry)
          if (entry.error) continue
          try {
            const started = await startStressServer(
              name,
              prepared,
              seed,
              options.presence,
              compiled,
            )
            entry.how = started.how
            entry.rounds.push(
              await measureRound(started.server, { ...options, ...size }, started.clients),
            )
          } catch (error) {
            entry.error = error instanceof Error ? error.message : String(error)
          }
        }
      }
    } finally {
      removeOurData(prepared)
    }
    const load = `${loadBefore.toFixed(1)} -> ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.availableParallelism()} cores`
    lines.push(...report(options, size, [...measured.values()], load))
  }
  return lines
}

interface Figures {
  p50: number
  p95: number
  p99: number
  max: number
  delivered: number
  expected: number
  duplicates: number
  closed: number
  missingAtTypists: number
  missingAtReaders: number
  joinMs: number
  bytesPerKeystrokePerReader: number
  rssBytes: number
  serverCpu: number
  generatorCpu: number
  loopDelayP99Ms: number
}

// Percentiles: each round's, then the median over rounds (one disturbed round does not decide).
function figures(rounds: RoundResult[], typists: number, readers: number): Figures {
  const per = (q: number) => median(rounds.map((r) => quantile(r.tally.latencies, q)))
  const sum = (of: (r: RoundResult) => number) => rounds.reduce((t, r) => t + of(r), 0)
  const wall = sum((r) => r.wallMs)
  return {
    p50: per(0.5),
    p95: per(0.95),
    p99: per(0.99),
    max: Math.max(...rounds.map((r) => quantile(r.tally.latencies, 1))),
    delivered: sum((r) => r.tally.delivered),
    expected: sum((r) => r.tally.expected),
    duplicates: sum((r) => r.tally.duplicates),
    closed: sum((r) => r.tally.closed),
    missingAtTypists: sum((r) => r.tally.missing(typists).atTypists),
    missingAtReaders: sum((r) => r.tally.missing(typists).atReaders),
    joinMs: median(rounds.map((r) => r.joinMs)),
    bytesPerKeystrokePerReader: sum((r) => r.readerBytes) / sum((r) => r.tally.sent) / readers,
    rssBytes: Math.max(...rounds.map((r) => Math.max(r.rssBytes, r.joinedRssBytes))),
    serverCpu: sum((r) => r.serverCpuMs) / wall,
    generatorCpu: sum((r) => r.generatorCpuMs) / wall,
    loopDelayP99Ms: median(rounds.map((r) => r.loopDelayP99Ms)),
  }
}

const percent = (share: number) => `${(share * 100).toFixed(0)}%`

const deliveredShare = ({ delivered, expected }: Figures): string =>
  delivered === expected ? '100%' : `${((delivered / expected) * 100).toFixed(2)}%`

function report(
  options: StressOptions,
  size: { clients: number; typists: number },
  measured: Measured[],
  load: string,
): string[] {
  const readers = size.clients - size.typists
  const keystrokes = size.typists * Math.round(options.rate * options.seconds)
  const lines = [
    `stress ${size.clients} clients, ${size.typists} typing: ${keystrokes} keystrokes a round ` +
      `(${options.rate}/s per typist for ${options.seconds} s), cursor presence ` +
      `${options.presence ? 'on every keystroke' : 'off'}; ${readers} raw ws readers; ` +
      `${options.rounds} round(s) per server, percentiles the median over rounds (of two, the ` +
      `lower); machine load average ${load}`,
    `  latency: edit to arrival at every client (all arrivals timestamped); delivered: every ` +
      `keystroke at every client but its typist, named from each update's structs and delete set`,
  ]
  const all = new Map<StressServer, Figures>()
  for (const entry of measured) {
    if (entry.rounds.length === 0) {
      lines.push(`  ${entry.name.padEnd(10)} could not run: ${entry.error ?? 'no round'}`)
      continue
    }
    const f = figures(entry.rounds, size.typists, readers)
    all.set(entry.name, f)
    const cut =
      (f.closed > 0 ? `, ${f.closed} client(s) cut off` : '') +
      (f.delivered < f.expected
        ? ` (missing ${f.missingAtTypists} at typists, ${f.missingAtReaders} at readers)`
        : '')
    const loop = Number.isNaN(f.loopDelayP99Ms) ? '' : `, loop delay p99 ${ms(f.loopDelayP99Ms)} ms`
    lines.push(
      `  ${entry.name.padEnd(10)} p50 ${ms(f.p50)} p95 ${ms(f.p95)} p99 ${ms(f.p99)} ms ` +
        `(max ${ms(f.max)}) | delivered ${deliveredShare(f)}${cut} | connect all ` +
        `${ms(f.joinMs)} ms | ${f.bytesPerKeystrokePerReader.toFixed(0)} B/keystroke/reader | ` +
        `RSS ${bytes(f.rssBytes)} | server CPU ${percent(f.serverCpu)}${loop} | generator CPU ` +
        `${percent(f.generatorCpu)}`,
      `  ${''.padEnd(10)} ${entry.how}${entry.error ? `; a later round failed: ${entry.error}` : ''}`,
    )
  }
  const ours = all.get('ours')
  if (!ours) return lines
  const merging = all.get('merging')
  const hocuspocus = all.get('hocuspocus')
  const reference = all.get('reference')
  lines.push(
    `  ratios at ${size.clients}: ours p99 / merging p99 ` +
      `${merging ? ratio(ours.p99, merging.p99) : 'n/a'} (target <= 1.5) | ours p99 / ` +
      `Hocuspocus p99 ${hocuspocus ? ratio(ours.p99, hocuspocus.p99) : 'n/a'} (target <= 1.0) | ` +
      `ours / reference p99 ${reference ? ratio(ours.p99, reference.p99) : 'n/a'} | ours ` +
      `delivered ${deliveredShare(ours)} (target 100%) | ours ` +
      `${ours.bytesPerKeystrokePerReader.toFixed(0)} B/keystroke/reader (target <= 350)`,
  )
  return lines
}

// The demo negotiation's text room as one update, to seed the references with.
async function demoTextUpdate(): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-seed-'))
  const storage = new SqliteStorage(path.join(dir, 'seed.sqlite'))
  try {
    await loadDemoIfEmpty(storage)
    const updates = await storage.loadRoom(ROOM)
    if (updates.length === 0) throw new Error('the demo negotiation has no text room')
    return Y.mergeUpdates(updates)
  } finally {
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
