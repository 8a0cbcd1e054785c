/**
 * How long a hole in a room's log (another instance's update not heard, while later ones were)
 * may stay before the room reads the missing updates from storage. Redis delivers each
 * publisher's messages in order, so a hole is two instances' publications crossing (gone in a
 * millisecond) or a lost message.
 */
export const HOLE_WAIT_MS = 1000

/**
 * Which of a room's log entries (by sequence number) an instance's live document holds, when
 * several instances append to one room: `held` is the highest number up to which it holds every
 * entry. Entries past a missing one wait here: another instance's update (not yet applied, so that
 * the document never skips one) or the instance's own append (already in the document). A hole
 * that stays HOLE_WAIT_MS is reported (`onHole`): the room fills it from storage
 * (`loadRoomState(room, held)`).
 *
 * Alone (`shared` false, SQLite), numbers only increase and need no checks: `held` is the last.
 */
export class RoomSeqs {
  // Entries past a hole: another instance's update to apply, or null for an own append.
  private readonly ahead = new Map<number, Uint8Array | null>()
  private aheadSince: number | null = null
  private timer: NodeJS.Timeout | undefined
  private stopped = false

  constructor(
    /** The highest sequence number up to which every entry is in the document. */
    public held: number,
    private readonly shared: boolean,
    /** Runs when a hole has lasted HOLE_WAIT_MS (and again each HOLE_WAIT_MS it still does). */
    private readonly onHole: () => void = () => {},
  ) {}

  /** Whether entries have waited HOLE_WAIT_MS for a missing one without a step forward. */
  get holeLasted(): boolean {
    return this.aheadSince !== null && Date.now() - this.aheadSince >= HOLE_WAIT_MS
  }

  /** Stops watching for holes (the room is gone). */
  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
  }

  /** Since when (Date.now()) entries wait for a missing one, without a step forward; null: none. */
  get waitingSince(): number | null {
    return this.aheadSince
  }

  /**
   * The instance stored an update of its document as `seq`: answers other instances' updates
   * that waited for it and now follow on, to apply in order (a room's group commit numbers its
   * batch after the room's queue went on, so another's later update may be heard first).
   */
  own(seq: number): Uint8Array[] {
    if (!this.shared) {
      this.held = Math.max(this.held, seq)
      return []
    }
    if (seq <= this.held) return []
    this.ahead.set(seq, null)
    return this.settle()
  }

  /**
   * Another instance stored `update` as `seq`: answers the updates to apply now, in order (none
   * if it is old, or if it waits for a missing one).
   */
  remote(seq: number, update: Uint8Array): Uint8Array[] {
    if (seq <= this.held || this.ahead.has(seq)) return []
    this.ahead.set(seq, update)
    return this.settle()
  }

  /**
   * A catch-up read every entry up to `seq` from storage (the caller applies them): answers the
   * waiting updates past it that now follow on, in order.
   */
  caughtUp(seq: number): Uint8Array[] {
    this.held = Math.max(this.held, seq)
    for (const waiting of this.ahead.keys()) if (waiting <= this.held) this.ahead.delete(waiting)
    return this.settle()
  }

  // Moves `held` over every entry that now follows on; answers the updates among them. The wait
  // is timed from the last step forward, so steady traffic with brief reorders never times out.
  private settle(): Uint8Array[] {
    const from = this.held
    const ready: Uint8Array[] = []
    for (let next = this.ahead.get(this.held + 1); next !== undefined;) {
      this.ahead.delete(this.held + 1)
      this.held += 1
      if (next !== null) ready.push(next)
      next = this.ahead.get(this.held + 1)
    }
    if (this.ahead.size === 0) this.aheadSince = null
    else if (this.held > from || this.aheadSince === null) this.aheadSince = Date.now()
    this.watch()
    return ready
  }

  // Checks on a waiting entry once its wait is over; reports it then if no step was made.
  private watch(delay?: number): void {
    const since = this.aheadSince
    if (since === null || this.timer || this.stopped) return
    this.timer = setTimeout(
      () => {
        this.timer = undefined
        if (!this.holeLasted) return this.watch()
        this.onHole()
        this.watch(HOLE_WAIT_MS)
      },
      delay ?? Math.max(0, since + HOLE_WAIT_MS - Date.now()),
    )
    this.timer.unref()
  }
}
