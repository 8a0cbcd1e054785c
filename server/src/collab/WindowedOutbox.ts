import * as Y from 'yjs'
import { encodePresenceMessage, encodeUpdate, type AwarenessEntry } from './protocol'
import { binaryFrames } from './wsFrames'

/**
 * The least time between two sends of a room: what arrives within it waits and goes out merged
 * at its end. What arrives after a quiet spell longer than this goes out at once (at the end of
 * the event loop's turn, with whatever arrived in the same turn), so a quiet room adds no delay.
 */
export const OUTBOX_WINDOW_MS = 10

/**
 * The longest a window grows to: when sending a window takes long (a write per connection, a
 * thousand connections), the next window waits twice that, so that the sends never fill the
 * event loop and keystrokes still get through; more is merged into each write meanwhile.
 */
export const OUTBOX_MAX_WINDOW_MS = 40

/** One window's messages for a recipient; those who get the same messages share one object. */
export interface WindowMessages {
  /** The encoded messages: an update, a presence message, or both, in that order. */
  readonly messages: readonly Uint8Array[]
  /** The same as websocket frames in one buffer, built on first use. */
  readonly frames: Buffer
}

/** Whom a windowed outbox sends to: a Connection, or in tests anything that records. */
export interface Recipient {
  /** Sends one window's messages together (one write). */
  sendWindow(window: WindowMessages): void
}

/** An update waiting in a window, with the recipient that sent it (none: a server change). */
export interface Queued<R> {
  update: Uint8Array
  from: R | undefined
}

/**
 * A room's fan-out in windows (issue 15): the stored updates and presence entries of a short
 * window go out as at most one update message and one presence message per connection, written
 * together. The window's updates are merged once for everyone, and once more for each connection
 * that sent some of them, without its own (nobody hears their own echo); presence keeps the
 * latest entry per client id. Each distinct message is encoded once, however many receive it.
 * With Connections as recipients it is an Outbox (the server's default).
 */
export class WindowedOutbox<R extends Recipient> {
  private updates: Queued<R>[] = []
  private entries = new Map<number, AwarenessEntry>()
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined
  // When the last window was sent (performance.now()); -Infinity before the first.
  private lastSentAt = -Infinity
  private destroyed = false
  // How long the next window collects: the base window, or more while sends are slow.
  private nextWindowMs: number

  constructor(
    private readonly recipients: () => Iterable<R>,
    private readonly windowMs = OUTBOX_WINDOW_MS,
  ) {
    this.nextWindowMs = windowMs
  }

  update(update: Uint8Array, from?: R): void {
    if (this.destroyed) return
    this.updates.push({ update, from })
    this.arm()
  }

  presence(entries: AwarenessEntry[]): void {
    if (this.destroyed || entries.length === 0) return
    for (const entry of entries) {
      const held = this.entries.get(entry.clientId)
      // A removal is an entry with state null and a higher clock, so it wins like any other.
      if (!held || entry.clock >= held.clock) this.entries.set(entry.clientId, entry)
    }
    this.arm()
  }

  flush(): void {
    this.cancel()
    this.send()
  }

  destroy(): void {
    this.destroyed = true
    this.cancel()
    this.updates = []
    this.entries = new Map()
  }

  private arm(): void {
    if (this.timer !== undefined) return
    const wait = this.lastSentAt + this.nextWindowMs - performance.now()
    this.timer = wait > 0 ? setTimeout(() => this.flush(), wait) : setImmediate(() => this.flush())
  }

  private cancel(): void {
    clearTimeout(this.timer as NodeJS.Timeout | undefined)
    clearImmediate(this.timer as NodeJS.Immediate | undefined)
    this.timer = undefined
  }

  private send(): void {
    const updates = this.updates
    const entries = [...this.entries.values()]
    this.updates = []
    this.entries = new Map()
    if (updates.length === 0 && entries.length === 0) return
    const started = performance.now()
    const presence = entries.length > 0 ? encodePresenceMessage(entries) : undefined
    const updateFor = windowUpdates(updates)
    // Everyone gets the same presence; the update differs only for those who sent some.
    const byUpdate = new Map<Uint8Array | undefined, WindowMessages | undefined>()
    for (const recipient of this.recipients()) {
      const update = updateFor(recipient)
      if (!byUpdate.has(update)) byUpdate.set(update, windowMessages(update, presence))
      const window = byUpdate.get(update)
      if (window) recipient.sendWindow(window)
    }
    this.lastSentAt = performance.now()
    const took = this.lastSentAt - started
    this.nextWindowMs = Math.max(this.windowMs, Math.min(OUTBOX_MAX_WINDOW_MS, 2 * took))
  }
}

function windowMessages(
  update: Uint8Array | undefined,
  presence: Uint8Array | undefined,
): WindowMessages | undefined {
  const messages = [update, presence].filter((m) => m !== undefined)
  if (messages.length === 0) return undefined
  let frames: Buffer | undefined
  return {
    messages,
    get frames() {
      return (frames ??= binaryFrames(messages))
    },
  }
}

/**
 * The update message each recipient gets for a window's updates: all of them merged, or, for a
 * recipient that sent some, the others merged (undefined if it sent them all). Each is merged
 * and encoded on first use only.
 */
export function windowUpdates<R>(queued: Queued<R>[]): (recipient: R) => Uint8Array | undefined {
  if (queued.length === 0) return () => undefined
  const senders = new Set<R>()
  for (const { from } of queued) if (from !== undefined) senders.add(from)
  const merged = (updates: Uint8Array[]) =>
    updates.length === 0 ? undefined : encodeUpdate(Y.mergeUpdates(updates))
  let all: Uint8Array | undefined
  const without = new Map<R, Uint8Array | undefined>()
  return (recipient) => {
    if (!senders.has(recipient)) return (all ??= merged(queued.map((q) => q.update)))
    if (!without.has(recipient))
      without.set(
        recipient,
        merged(queued.filter((q) => q.from !== recipient).map((q) => q.update)),
      )
    return without.get(recipient)
  }
}
