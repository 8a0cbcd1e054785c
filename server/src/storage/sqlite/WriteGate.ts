/**
 * Orders the writes on one SQLite connection around its open transactions. SQLite has one
 * transaction per connection: a write made while `atomically` awaits its callback would join that
 * transaction and be committed or rolled back with it. So a transaction holds the gate from BEGIN
 * to COMMIT or ROLLBACK, and every other write waits for it, in the order they came; reads need
 * no gate. When nothing holds or waits at the gate a write runs at once (the keystroke path).
 */
export class WriteGate {
  // The end of the chain of writes and transactions waiting or running; settled when idle.
  private tail: Promise<void> = Promise.resolve()
  // How many of them have not finished: 0 means a write may run at once.
  private queued = 0

  /** Whether nothing holds or waits at the gate: a write now would run at once. */
  get idle(): boolean {
    return this.queued === 0
  }

  /** Runs the synchronous `write` now if the gate is free, else after everything queued. */
  write<T>(write: () => T): Promise<T> {
    if (this.queued === 0) {
      try {
        return Promise.resolve(write())
      } catch (error) {
        return Promise.reject(error as Error)
      }
    }
    return this.enqueue(async () => write())
  }

  /** Runs `task` alone: after every queued write, and with every later write waiting for it. */
  hold<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue(task)
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.queued++
    const result = this.tail.then(task)
    const release = () => {
      this.queued--
    }
    this.tail = result.then(release, release)
    return result
  }
}
