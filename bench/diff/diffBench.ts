import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { diffText, type TextDiff } from '../../shared/domain/diff'
import { bytes, ms, ratio } from '../stats'
import { diffInputs, type DiffInput } from './diffInputs'

/** How long and how much memory the pre-issue-9 reference may take before it is stopped. */
export interface DiffBenchOptions {
  limitMs: number
  limitBytes: number
}

/** What one run took: time and resident memory growth, or that it passed a limit. */
type Run = { ms: number; rss: number; stopped: null | 'time' | 'memory' }

const ROOT = path.resolve(import.meta.dirname, '../..')

// Resident memory (or its high-water mark) of a process, in bytes, from Linux's /proc.
const memory = (pid: number | 'self', field: 'VmRSS' | 'VmHWM') =>
  1024 *
  Number(
    new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      fs.readFileSync(`/proc/${pid}/status`, 'utf8'),
    )?.[1],
  )

// Ours, in this process: the engine the server runs, with the limits it runs with.
function ours(input: DiffInput): { run: Run; diff: TextDiff } {
  fs.writeFileSync('/proc/self/clear_refs', '5')
  const rss = memory('self', 'VmRSS')
  const start = performance.now()
  const diff = diffText(input.before, input.after)
  const took = performance.now() - start
  return { run: { ms: took, rss: memory('self', 'VmHWM') - rss, stopped: null }, diff }
}

// The reference, in a child process stopped past the time or memory limit.
function reference(input: DiffInput, options: DiffBenchOptions): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/diff/referenceRun.ts'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  child.stdin.end(JSON.stringify({ before: input.before, after: input.after }))
  let out = ''
  // The limits count from the start of the diff, not of the process (which compiles first).
  let started = Infinity
  let baseline = 0
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (started === Infinity && out.startsWith('ready\n')) {
      started = performance.now()
      baseline = memory(child.pid as number, 'VmRSS')
    }
  })
  let peak = 0
  let stopped: Run['stopped'] = null
  // Samples the child's memory, and stops it past either limit.
  const watch = setInterval(() => {
    try {
      const rss = memory(child.pid as number, 'VmRSS')
      if (started === Infinity || !Number.isFinite(rss)) return
      peak = Math.max(peak, rss)
      if (rss - baseline > options.limitBytes) stopped = 'memory'
      else if (performance.now() - started > options.limitMs) stopped = 'time'
      if (stopped) child.kill('SIGKILL')
    } catch {
      // The child has just exited.
    }
  }, 50)
  return new Promise((resolve, reject) => {
    child.once('exit', () => {
      clearInterval(watch)
      if (stopped)
        return resolve({ ms: performance.now() - started, rss: peak - baseline, stopped })
      try {
        const r = JSON.parse(out.slice('ready\n'.length)) as {
          ms: number
          rssBefore: number
          rssPeak: number
        }
        resolve({ ms: r.ms, rss: r.rssPeak - r.rssBefore, stopped: null })
      } catch (error) {
        reject(new Error(`the reference diff failed: ${String(error)}\n${out}`))
      }
    })
  })
}

// "41 ms, +3.2 MB", or "> 10000 ms, > 2900 MB (stopped)".
const figures = (r: Run) =>
  r.stopped
    ? `> ${ms(r.ms)} ms, > +${bytes(r.rss)} RSS (stopped at the ${r.stopped} limit)`
    : `${ms(r.ms)} ms, +${bytes(r.rss)} RSS`

/**
 * Issue 9's worst-case article diffs: our engine (jsdiff within the server's limits, then
 * paragraphs) against the pre-issue-9 Myers on the same texts, with time and memory growth.
 */
export async function benchDiff(options: DiffBenchOptions): Promise<string[]> {
  const lines: string[] = []
  for (const input of diffInputs()) {
    ours(input) // warm-up: the first call also compiles the engine
    const { run, diff } = ours(input)
    const ref = await reference(input, options)
    const sign = ref.stopped ? '> ' : ''
    lines.push(
      `diff ${input.name}: ours ${figures(run)} (${diff.granularity}) | ` +
        `pre-issue-9 Myers ${figures(ref)} | time ${sign}${ratio(ref.ms, run.ms)}, ` +
        `memory ${sign}${ratio(ref.rss, Math.max(run.rss, 1e6))}`,
      `  Article 2 of the CCM, ${input.before.length} -> ${input.after.length} characters; ` +
        `load average ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    )
  }
  return lines
}
