/** One keystroke's update on its way: when and by whom it was sent, and who has it. */
interface InFlight {
  sentAt: number
  from: number
  receivedBy: Uint8Array
}

/**
 * Counts, for every keystroke update, its arrival at every other client: latencies from the
 * sender's edit to each arrival, deliveries against what was expected, duplicates, bytes.
 */
export class Tally {
  /** Milliseconds from edit to arrival, one per delivery. */
  readonly latencies: number[] = []
  /** Updates sent by the typists. */
  sent = 0
  /** Arrivals at clients other than the sender. */
  delivered = 0
  /** Arrivals of an update a client had already received. */
  duplicates = 0
  /** Bytes every client received since `startCounting` (document, presence and protocol). */
  bytesReceived = 0
  private counting = false
  private readonly inFlight = new Map<string, InFlight>()

  constructor(private readonly clients: number) {}

  /** Arrivals there should be: every update at every client but its sender. */
  get expected(): number {
    return this.sent * (this.clients - 1)
  }

  /** Starts counting received bytes (joins and their initial sync are not counted). */
  startCounting(): void {
    this.counting = true
  }

  /** Adds bytes some client received. */
  received(bytes: number): void {
    if (this.counting) this.bytesReceived += bytes
  }

  /** Records that client `from` sent the update named `key` now. */
  send(key: string, from: number): void {
    this.inFlight.set(key, {
      sentAt: performance.now(),
      from,
      receivedBy: new Uint8Array(this.clients),
    })
    this.sent++
  }

  /** Records that client `by` received the update named `key` now; other updates are ignored. */
  receive(key: string | undefined, by: number): void {
    const update = key === undefined ? undefined : this.inFlight.get(key)
    if (!update || update.from === by) return
    if (update.receivedBy[by]) {
      this.duplicates++
      return
    }
    update.receivedBy[by] = 1
    this.delivered++
    this.latencies.push(performance.now() - update.sentAt)
  }
}
