import { keystrokeNames } from './keystrokeNames'

/** One keystroke on its way: when and by whom it was typed, and who has it. */
interface InFlight {
  sentAt: number
  from: number
  receivedBy: Uint8Array
}

/**
 * Counts, for every keystroke, its arrival at every other client, whatever updates a server
 * merged it into: latencies from the sender's edit to each arrival, deliveries against what was
 * expected, duplicates, bytes.
 */
export class Tally {
  /** Milliseconds from edit to arrival, one per keystroke delivered to a client. */
  readonly latencies: number[] = []
  /** Keystrokes typed. */
  sent = 0
  /** Arrivals at clients other than the sender. */
  delivered = 0
  /** Arrivals of a keystroke a client had already received. */
  duplicates = 0
  /** Bytes every client received since `startCounting` (document, presence and protocol). */
  bytesReceived = 0
  /** The part of `bytesReceived` that readers (not typists) received. */
  readerBytes = 0
  /** Clients whose connection closed while counting (a server cutting off a reader, say). */
  closed = 0
  private counting = false
  private stopped = false
  private readonly inFlight = new Map<string, InFlight>()
  // Every reader gets the same bytes for one broadcast: name its keystrokes once.
  private readonly named = new Map<string, string[]>()

  constructor(private readonly clients: number) {}

  /** Arrivals there should be: every keystroke at every client but its sender. */
  get expected(): number {
    return this.sent * (this.clients - 1)
  }

  /** Starts counting received bytes (joins and their initial sync are not counted). */
  startCounting(): void {
    this.counting = true
  }

  /** Stops counting: what arrives later (after a drain gave up) is neither delivered nor bytes. */
  stopCounting(): void {
    this.counting = false
    this.stopped = true
  }

  /** Adds bytes some client (a reader, if `reader`) received. */
  received(bytes: number, reader = false): void {
    if (!this.counting) return
    this.bytesReceived += bytes
    if (reader) this.readerBytes += bytes
  }

  /** Notes that a client's connection closed. */
  lost(): void {
    if (this.counting) this.closed++
  }

  /** Records that client `from` typed the keystroke(s) named `names` now. */
  send(names: string | string[], from: number): void {
    const sentAt = performance.now()
    for (const name of typeof names === 'string' ? [names] : names) {
      this.inFlight.set(name, { sentAt, from, receivedBy: new Uint8Array(this.clients) })
      this.sent++
    }
  }

  /** Records that client `by` received an update (raw v1 bytes) now. */
  receiveUpdate(update: Uint8Array, by: number): void {
    const key = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('latin1')
    let names = this.named.get(key)
    if (!names) {
      names = keystrokeNames(update)
      if (this.named.size > 100_000) this.named.clear()
      this.named.set(key, names)
    }
    this.receive(names, by)
  }

  /** Records that client `by` received the keystroke(s) named `names` now; others are ignored. */
  receive(names: string | string[] | undefined, by: number): void {
    if (names === undefined || this.stopped) return
    const now = performance.now()
    for (const name of typeof names === 'string' ? [names] : names) {
      const keystroke = this.inFlight.get(name)
      if (!keystroke || keystroke.from === by) continue
      if (keystroke.receivedBy[by]) {
        this.duplicates++
        continue
      }
      keystroke.receivedBy[by] = 1
      this.delivered++
      this.latencies.push(now - keystroke.sentAt)
    }
  }

  /** Arrivals missing at the end, at clients below `typists` (the typists) and at the rest. */
  missing(typists: number): { atTypists: number; atReaders: number } {
    let atTypists = 0
    let atReaders = 0
    for (const { from, receivedBy } of this.inFlight.values()) {
      receivedBy.forEach((got, by) => {
        if (got || by === from) return
        if (by < typists) atTypists++
        else atReaders++
      })
    }
    return { atTypists, atReaders }
  }
}
