/**
 * Which of a room's log entries (by sequence number) an instance's live document holds, when
 * several instances append to one room: `held` is the highest number up to which it holds every
 * entry. Entries past a missing one wait here: another instance's update (not yet applied, so that
 * the document never skips one) or the instance's own append (already in the document). A hole
 * that stays is filled by a catch-up from storage (`loadRoomState(room, held)`).
 *
 * Alone (`shared` false, SQLite), numbers only increase and need no checks: `held` is the last.
 */
export class RoomSeqs {
  // Entries past a hole: another instance's update to apply, or null for an own append.
  private readonly ahead = new Map<number, Uint8Array | null>()
  private aheadSince: number | null = null

  constructor(
    /** The highest sequence number up to which every entry is in the document. */
    public held: number,
    private readonly shared: boolean,
  ) {}

  /** Since when (Date.now()) entries wait for a missing one, without a step forward; null: none. */
  get waitingSince(): number | null {
    return this.aheadSince
  }

  /** The instance stored an update of its document as `seq`. */
  own(seq: number): void {
    if (!this.shared) {
      this.held = Math.max(this.held, seq)
      return
    }
    if (seq <= this.held) return
    this.ahead.set(seq, null)
    this.settle()
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
    return ready
  }
}
