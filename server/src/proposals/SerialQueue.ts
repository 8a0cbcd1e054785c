import type { Storage } from '../storage/Storage'

/** A lock by key that runs tasks one at a time, in order, e.g. `Storage.exclusive`. */
export type KeyedLock = <T>(key: string, task: () => Promise<T>) => Promise<T>

/**
 * Runs tasks one at a time per key (a negotiation), in the order they were queued, so that a
 * command reads and writes its proposals without another command in between. In this process
 * alone by default; given a lock (`storageQueue`), under that lock instead.
 */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  constructor(private readonly lock?: KeyedLock) {}

  /** Runs `task` after every task queued before it under `key`; the queue goes on if it throws. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if (this.lock) return this.lock(key, task)
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(task, task)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }
}

/**
 * The negotiations' command queue across every instance on the storage (issue 16): the
 * storage's lock `negotiation:<id>` (an in-process queue for SQLite, an advisory lock for
 * PostgreSQL), so a command on one instance never interleaves with one on another.
 */
export function storageQueue(storage: Storage): SerialQueue {
  return new SerialQueue((key, task) => storage.exclusive(`negotiation:${key}`, task))
}
