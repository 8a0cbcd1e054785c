import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { MESSAGE_ACK, carriesUpdate, readAckCount } from '../../../shared/collab'

/**
 * Counts a room's local changes until the server acknowledges them as stored (issue 14; the
 * protocol is in shared/collab/ack.ts). Each local transaction is pending until an
 * update-carrying message sent after it has been acknowledged on the same socket: every such
 * message carries all the changes the server lacks (an update right after the transaction, or
 * the sync step 2 that answers the server's state vector on connecting). When a socket closes,
 * what it carried unacknowledged is pending again and goes with the next socket's sync step 2.
 */
export class PendingTracker {
  // For each pending transaction, the number of the message on the current socket that carries
  // it, or 0 while no message has.
  private carriedBy: number[] = []
  private sentOnSocket = 0
  private socketSerial = 0
  private readonly listeners = new Set<(count: number) => void>()

  /** `initial`: changes counted before a reload, which the next sync step 2 will carry. */
  constructor(initial = 0) {
    this.carriedBy = new Array<number>(Math.max(0, initial)).fill(0)
  }

  /** Changes made here that the server has not acknowledged. */
  get count(): number {
    return this.carriedBy.length
  }

  /** A local transaction happened. Call it before the provider sends (listen first). */
  local(): void {
    this.carriedBy.push(0)
    this.changed()
  }

  /** Forgets every pending change (the room's local copy was set aside or wiped). */
  clear(): void {
    if (this.carriedBy.length === 0) return
    this.carriedBy = []
    this.changed()
  }

  /** Calls `listener` with the new count whenever it changes. */
  onChange(listener: (count: number) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * A WebSocket class for the provider's `WebSocketPolyfill` option that reports what it sends
   * and when it closes. `Base` is the environment's WebSocket (the browser's, or `ws` in Node).
   */
  socketClass(Base: typeof WebSocket = WebSocket): typeof WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const tracker = this
    return class AckingSocket extends Base {
      private readonly serial = tracker.opened()
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        this.addEventListener('close', () => tracker.closed(this.serial))
      }
      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (data instanceof Uint8Array && carriesUpdate(data)) tracker.sent(this.serial)
        super.send(data)
      }
    }
  }

  /** Makes the provider read acknowledgements (only sent when the URL asks for them). */
  install(provider: WebsocketProvider): void {
    provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder: decoding.Decoder) => {
      this.acked(readAckCount(decoder))
    }
  }

  private opened(): number {
    this.socketSerial++
    this.sentOnSocket = 0
    this.carriedBy = this.carriedBy.map(() => 0)
    return this.socketSerial
  }

  private sent(serial: number): void {
    if (serial !== this.socketSerial) return
    this.sentOnSocket++
    const n = this.sentOnSocket
    this.carriedBy = this.carriedBy.map((m) => (m === 0 ? n : m))
  }

  private acked(count: number): void {
    const before = this.carriedBy.length
    this.carriedBy = this.carriedBy.filter((m) => m === 0 || m > count)
    if (this.carriedBy.length !== before) this.changed()
  }

  private closed(serial: number): void {
    if (serial !== this.socketSerial) return
    this.carriedBy = this.carriedBy.map(() => 0)
  }

  private changed(): void {
    for (const l of this.listeners) l(this.carriedBy.length)
  }
}
