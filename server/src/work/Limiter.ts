/** What `Limiter.run` answers: the task's value, or that the limiter's queue was full. */
export type Limited<T> = { ok: true; value: T } | { ok: false; code: 'busy' }

/**
 * Runs at most `concurrency` tasks at once; up to `queue` more wait their turn in order, and any
 * beyond those are refused at once, so that heavy work (a diff, a PDF) neither piles up nor
 * holds more memory than a few runs need.
 */
export class Limiter {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /** Runs `task` when a place is free, or answers `busy` without running it. */
  async run<T>(task: () => Promise<T>): Promise<Limited<T>> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) return { ok: false, code: 'busy' }
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    try {
      return { ok: true, value: await task() }
    } finally {
      // The place passes straight to the next in line, or is freed.
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
