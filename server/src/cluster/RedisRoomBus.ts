import { randomUUID } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'
import { decodeRoomFrame, encodeRoomFrame } from './roomFrames'
import type { RoomBus, RoomListener, RoomMessage, RoomSubscription } from './RoomBus'

/** How to reach Redis, and the prefix of every channel (several deployments may share a Redis). */
export interface RedisRoomBusOptions {
  url: string
  /** Default `plenary:`; channels are `${prefix}room:${name}`. */
  prefix?: string
  /** This instance's id in frames (default: a random UUID). */
  instance?: string
}

// Reconnect soon: while the bus is cut off, other instances' edits reach this one's clients only
// through a catch-up, so a restarted Redis should be found again within half a second.
const retryStrategy = (times: number) => Math.min(50 * times, 500)

interface Channel {
  listeners: Set<RoomListener>
  // Resolves once Redis confirmed the subscription.
  ready: Promise<void>
}

/**
 * The room bus on Redis pub/sub (as Hocuspocus's Redis extension does it): one channel per room,
 * one connection to publish and one to listen (a subscribed connection can do nothing else),
 * binary frames read as Buffers (`messageBuffer`), the instance's own frames dropped by its id.
 * Pub/sub keeps nothing for a listener that was away, so after the listening connection comes
 * back it subscribes again and only then tells every room to catch up from storage.
 */
export class RedisRoomBus implements RoomBus {
  readonly shared = true
  /** This instance's id, in every frame it publishes. */
  readonly instance: string
  private readonly prefix: string
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly channels = new Map<string, Channel>()
  // The listening connection closed since it last listened: frames may have been lost.
  private cutOff = false
  // Resolves when the listening connection is next lost (then a catch-up follows its return).
  private lost!: Promise<void>
  private markLost!: () => void
  private closed = false
  private warnedUndecodable = false
  // Rooms whose publications failed (Redis away, or the publishing connection cut alone).
  private readonly unsent = new Set<string>()

  constructor({ url, prefix = 'plenary:', instance = randomUUID() }: RedisRoomBusOptions) {
    this.instance = instance
    this.prefix = prefix
    const options: RedisOptions = { retryStrategy, lazyConnect: false }
    // No offline queue: a publication made while Redis is away fails at once rather than piling
    // up; the listeners read it from storage when they are back (`reconnected`).
    this.pub = new Redis(url, {
      ...options,
      connectionName: `plenary-pub-${instance}`,
      enableOfflineQueue: false,
    })
    // Subscriptions wait for as long as Redis is away: a room's `ready` resolves once it is back.
    this.sub = new Redis(url, {
      ...options,
      connectionName: `plenary-sub-${instance}`,
      maxRetriesPerRequest: null,
    })
    this.sub.on('messageBuffer', (channel: Buffer, frame: Buffer) =>
      this.deliver(channel.toString('utf8'), frame),
    )
    this.resetLost()
    this.sub.on('close', () => {
      if (!this.closed && !this.cutOff) console.warn('room bus: lost Redis; reconnecting')
      this.cutOff = true
      this.markLost()
    })
    this.sub.on('ready', () => void this.listenAgain())
    // The listeners may never have been cut off: tell them what they missed of this instance.
    this.pub.on('ready', () => {
      const rooms = [...this.unsent]
      this.unsent.clear()
      rooms.forEach((room) => this.publish(room, { kind: 'lost' }))
    })
    // ioredis reports each failed attempt; the close above already said it once.
    this.sub.on('error', () => {})
    this.pub.on('error', () => {})
  }

  subscribe(room: string, listener: RoomListener): RoomSubscription {
    const name = this.channelOf(room)
    let channel = this.channels.get(name)
    if (!channel) {
      const subscribed = this.sub.subscribe(name).then(() => undefined)
      // While Redis is away a room still loads from storage: once the bus is back, it subscribes
      // again and tells every room to catch up, this one included.
      const ready = this.cutOff ? Promise.resolve() : Promise.race([subscribed, this.lost])
      subscribed.catch(() => {})
      channel = { listeners: new Set(), ready }
      this.channels.set(name, channel)
    }
    channel.listeners.add(listener)
    const { ready } = channel
    return {
      ready,
      close: () => {
        const current = this.channels.get(name)
        if (!current?.listeners.delete(listener) || current.listeners.size > 0) return
        this.channels.delete(name)
        if (!this.closed) this.sub.unsubscribe(name).catch(() => {})
      },
    }
  }

  publishUpdate(room: string, seq: number, update: Uint8Array): void {
    this.publish(room, { kind: 'update', seq, update })
  }

  publishAwareness(room: string, update: Uint8Array): void {
    this.publish(room, { kind: 'awareness', update })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.sub.disconnect()
    // Let queued publications go out, but never wait long for a Redis that is away.
    const quit = this.pub.quit().catch(() => undefined)
    await Promise.race([quit, new Promise((resolve) => setTimeout(resolve, 1000).unref())])
    this.pub.disconnect()
  }

  private resetLost(): void {
    this.lost = new Promise((resolve) => (this.markLost = resolve))
  }

  private channelOf(room: string): string {
    return `${this.prefix}room:${room}`
  }

  private publish(room: string, message: RoomMessage): void {
    if (this.closed) return
    const frame = encodeRoomFrame({ instance: this.instance, message })
    // A publication lost while Redis is away is caught up by the listeners once they are back,
    // or once this connection is, when it alone was cut.
    this.pub.publish(this.channelOf(room), frame).catch(() => this.unsent.add(room))
  }

  private deliver(channel: string, bytes: Buffer): void {
    const listeners = this.channels.get(channel)?.listeners
    if (!listeners) return
    let frame
    try {
      frame = decodeRoomFrame(bytes)
    } catch (error) {
      if (!this.warnedUndecodable) console.warn(`room bus: dropped a frame on ${channel}:`, error)
      this.warnedUndecodable = true
      return
    }
    if (frame.instance === this.instance) return
    for (const listener of listeners) listener.message(frame.message)
  }

  // After a gap: subscribe to every room again (ioredis does too; subscribing twice is harmless
  // and its reply says when Redis listens), then every room catches up on what it missed.
  private async listenAgain(): Promise<void> {
    if (!this.cutOff || this.closed) return
    const names = [...this.channels.keys()]
    try {
      if (names.length > 0) await this.sub.subscribe(...names)
    } catch {
      return // cut off again; the next 'ready' tries again
    }
    this.cutOff = false
    this.resetLost()
    console.warn(`room bus: Redis is back; ${names.length} rooms catch up`)
    for (const name of names) this.channels.get(name)?.listeners.forEach((l) => l.reconnected())
  }
}
