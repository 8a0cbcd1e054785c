// `npm run bench`: the performance targets of DESIGN.md, each measured against a reference in
// the same run and printed as figures and ratios (never pass/fail on wall-clock time).
// Scale with BENCH_* variables; see bench/README.md.
import { benchDiff } from './diff/diffBench'
import { benchFanout } from './fanout/fanoutBench'
import { benchLoad } from './load/loadBench'
import { envInt } from './stats'

const only = process.env.BENCH_ONLY

if (!only || only === 'load') {
  const lines = await benchLoad({
    updates: envInt('BENCH_UPDATES', 100_000),
    runs: envInt('BENCH_LOAD_RUNS', 7),
    mergeRuns: envInt('BENCH_MERGE_RUNS', 1),
    mergeLimitMs: envInt('BENCH_MERGE_LIMIT_S', 30) * 1000,
  })
  lines.forEach((line) => console.log(line))
}

if (!only || only === 'fanout') {
  const lines = await benchFanout({
    clients: envInt('BENCH_CLIENTS', 200),
    typists: envInt('BENCH_TYPISTS', 20),
    rate: envInt('BENCH_RATE', 5),
    seconds: envInt('BENCH_SECONDS', 10),
    presence: process.env.BENCH_PRESENCE !== '0',
    rounds: Math.max(1, envInt('BENCH_ROUNDS', 3)),
  })
  lines.forEach((line) => console.log(line))
}

if (!only || only === 'diff') {
  const lines = await benchDiff({
    limitMs: envInt('BENCH_DIFF_LIMIT_S', 10) * 1000,
    limitBytes: envInt('BENCH_DIFF_LIMIT_MB', 4000) * 1e6,
  })
  lines.forEach((line) => console.log(line))
}
