import { encodeAck } from '../../../shared/collab'

// Past this many of a connection's updates waiting for missing parts, it is not acked again: a
// client that sends such updates on purpose must not make each message re-check all the others.
const MAX_WAITING = 32

/** What acks need to know of a room: whether an update is wholly in its document (so stored). */
export interface UpdateHolder {
  /** Whether some update waits in memory for a missing earlier one (rare; then check `holds`). */
  readonly waitsForMissing: boolean
  /** Whether every part of `update` is integrated into the document, so stored. */
  holds(update: Uint8Array): boolean
}

/**
 * Acknowledges a connection's update-carrying messages (sync step 2, update) once its room has
 * stored them (issue 14; the protocol is in shared/collab/ack.ts). Only sockets opened with
 * `?ack=1` have one. Acks are coalesced: at most one per connection per event-loop turn, carrying
 * the latest count, so a burst of keystrokes drained from the room's queue costs one frame.
 */
export class DurabilityAcks {
  // Messages handled, how many of them are known to be stored (what an ack may say), last sent.
  private handled = 0
  private stored = 0
  private sent = 0
  private scheduled = false
  // This connection's updates whose parts wait for missing ones: in memory only, not stored.
  private waiting: Uint8Array[] = []
  // Gave up acknowledging (too many waiting); the client's next socket starts afresh.
  private stalled = false

  constructor(
    /** Sends an encoded ack; a closed or refused connection must drop it. */
    private readonly send: (message: Uint8Array) => void,
  ) {}

  /**
   * One more update-carrying message was applied (or held nothing new), in the room's queue:
   * answers what to call once everything the room applied so far is durable, which lets the
   * acks count it; undefined if it may not be acknowledged yet. If parts of it (or of an earlier
   * one) wait for a missing update, nothing from it on is acknowledged until they are
   * integrated, which stores them.
   */
  handledOne(update: Uint8Array, room: UpdateHolder): (() => void) | undefined {
    this.handled++
    if (this.stalled) return undefined
    if (room.waitsForMissing) {
      this.waiting.push(update)
      this.waiting = this.waiting.filter((u) => !room.holds(u))
      this.stalled = this.waiting.length > MAX_WAITING
      if (this.waiting.length > 0) return undefined
    } else if (this.waiting.length > 0) {
      this.waiting = []
    }
    const count = this.handled
    return () => this.storedUpTo(count)
  }

  // The first `count` messages are durable (calls come in the order of the room's batches).
  private storedUpTo(count: number): void {
    if (count <= this.stored) return
    this.stored = count
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(this.flush)
  }

  private readonly flush = (): void => {
    this.scheduled = false
    if (this.stored === this.sent) return
    this.sent = this.stored
    this.send(encodeAck(this.sent))
  }
}
