/**
 * Runs tasks one at a time per key (a negotiation), in the order they were queued, so that a
 * command reads and writes its proposals without another command in between.
 */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  /** Runs `task` after every task queued before it under `key`; the queue goes on if it throws. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
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
