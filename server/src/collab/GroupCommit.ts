/** At most this many updates go into one append of a room's log. */
export const MAX_BATCH_UPDATES = 512
/** At most about this many bytes go into one append of a room's log (one update may pass it). */
export const MAX_BATCH_BYTES = 1 << 20

// Updates applied to the room's document, stored together, and what waits for them.
interface Batch<S> {
  updates: Uint8Array[]
  senders: (S | undefined)[]
  bytes: number
  // What to run once this batch (and so everything applied before it) is durable.
  after: (() => void)[]
  settled: Promise<void>
  settle: () => void
}

function batch<S>(): Batch<S> {
  let settle = () => {}
  const settled = new Promise<void>((resolve) => (settle = resolve))
  return { updates: [], senders: [], bytes: 0, after: [], settled, settle }
}

/**
 * A room's group commit (issue 16): the room applies client updates in its queue without waiting
 * for each to be durable; they join a batch, and one append stores the batch while the next
 * accumulates. A lone update is stored at once (no timer), so the wait is at most one append
 * more than a single update's. Only once a batch is durable does `stored` hear of its updates (to
 * send and publish them) and run what waited for it, in order; if an append fails, `failed` hears
 * it (the room resets) and nothing of that batch or those after it is stored or run.
 */
export class GroupCommit<S> {
  // Batches waiting for their append, in order; the last accumulates until full.
  private readonly waiting: Batch<S>[] = []
  private storing: Batch<S> | null = null
  private stopped = false

  constructor(
    /** Appends updates in one durable transaction; resolves to their sequence numbers, in order. */
    private readonly append: (updates: Uint8Array[]) => Promise<number[]>,
    /** A batch is durable: its updates, who sent each (undefined: the server), their seqs. */
    private readonly stored: (
      updates: Uint8Array[],
      senders: (S | undefined)[],
      seqs: number[],
    ) => void,
    /** An append failed: nothing more is stored, nothing waiting runs. */
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Whether some applied update is not yet durable. */
  get pending(): boolean {
    return this.storing !== null || this.waiting.length > 0
  }

  /** Adds an applied transaction's updates to the room's log, stored after all added before. */
  add(updates: Uint8Array[], sender?: S): void {
    if (this.stopped || updates.length === 0) return
    let last = this.waiting[this.waiting.length - 1]
    if (!last || last.updates.length >= MAX_BATCH_UPDATES || last.bytes >= MAX_BATCH_BYTES) {
      last = batch<S>()
      this.waiting.push(last)
    }
    for (const update of updates) {
      last.updates.push(update)
      last.senders.push(sender)
      last.bytes += update.byteLength
    }
    if (!this.storing) void this.storeNext()
  }

  /** Runs `task` once everything added so far is durable (now if it is); never if storing fails. */
  afterStored(task: () => void): void {
    const last = this.waiting[this.waiting.length - 1] ?? this.storing
    if (last) last.after.push(task)
    else if (!this.stopped) task()
  }

  /** Resolves once everything added so far is durable, or was given up (storage failed, stop). */
  durable(): Promise<void> {
    return (this.waiting[this.waiting.length - 1] ?? this.storing)?.settled ?? Promise.resolve()
  }

  /** Gives up what is not being stored yet (the room is gone); an append under way finishes. */
  stop(): void {
    this.stopped = true
    this.waiting.splice(0).forEach((b) => b.settle())
  }

  private async storeNext(): Promise<void> {
    const next = this.waiting.shift()
    if (!next) return
    this.storing = next
    let seqs: number[]
    try {
      seqs = await this.append(next.updates)
      if (seqs.length !== next.updates.length) throw new Error('append answered the wrong seqs')
    } catch (error) {
      this.storing = null
      this.stop()
      next.settle()
      this.failed(error)
      return
    }
    this.storing = null
    for (const task of [() => this.stored(next.updates, next.senders, seqs), ...next.after]) {
      try {
        task()
      } catch (error) {
        console.error('after a room batch was stored:', error)
      }
    }
    next.settle()
    if (!this.stopped) void this.storeNext()
  }
}
