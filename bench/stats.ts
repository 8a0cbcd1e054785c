/** Small helpers to turn samples into the figures a benchmark prints. */

/** The q-quantile (0..1) of some samples, nearest rank; NaN for none. */
export function quantile(samples: ArrayLike<number>, q: number): number {
  if (samples.length === 0) return NaN
  const sorted = Float64Array.from(samples).sort()
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank] ?? NaN
}

/** The median of some samples. */
export const median = (samples: ArrayLike<number>): number => quantile(samples, 0.5)

/** `ours / reference` as a ratio such as `0.9x`. */
export function ratio(ours: number, reference: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return 'n/a'
  const r = ours / reference
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}x`
}

/** Milliseconds, with a decimal only when small. */
export const ms = (value: number): string =>
  Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : value.toFixed(0)) : 'n/a'

/** Bytes in B, KB or MB (powers of 1000). */
export function bytes(value: number): string {
  if (value < 1e3) return `${value.toFixed(0)} B`
  if (value < 1e6) return `${(value / 1e3).toFixed(1)} KB`
  return `${(value / 1e6).toFixed(1)} MB`
}

/** Runs `task` `runs` times and returns each run's wall-clock time in ms. */
export async function timeRuns(runs: number, task: () => unknown): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await task()
    times.push(performance.now() - start)
  }
  return times
}

/** A positive integer from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer`)
  return value
}
