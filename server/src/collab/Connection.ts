import { randomUUID } from 'node:crypto'
import type { Socket } from 'node:net'
import WebSocket from 'ws'
import { CloseCode, type Origin } from '../../../shared/collab'
import type { Access, ConnectionOwner } from './access'
import { DurabilityAcks } from './DurabilityAcks'
import type { WindowMessages } from './WindowedOutbox'

/**
 * Bytes waiting in a connection's socket (past what the kernel took) beyond which the connection
 * is cut off as a slow reader: it stopped reading, and holding more for it would grow memory.
 */
export const SLOW_READER_BYTES = 4 * 1024 * 1024

/** How long a slow reader's socket may take to close before it is terminated. */
export const SLOW_READER_GRACE_MS = 1000

// ws keeps its net.Socket here; corking it makes a window's frames one write.
const netSocket = (socket: WebSocket): Socket | undefined =>
  (socket as unknown as { _socket?: Socket })._socket

/** One client's websocket in one room, with what it may do and the presence it controls. */
export class Connection {
  /** Unique per connection; appears in transaction origins and logs. */
  readonly id = randomUUID()
  /** The typed origin of every transaction this connection causes. */
  readonly origin: Origin & { kind: 'client' }
  /** The awareness client ids this connection owns (see PresenceOwners), cleared when it leaves. */
  readonly awarenessClients = new Set<number>()
  /** Acknowledges stored updates, if the socket asked for it with `?ack=1` (issue 14). */
  readonly acks: DurabilityAcks | undefined

  constructor(
    private readonly socket: WebSocket,
    /** What the connection may do in its room. */
    public access: Access = 'write',
    /** Whose connection this is; absent only where nobody signs in (tests of the sync). */
    readonly owner?: ConnectionOwner,
    /** The negotiation of its room. */
    readonly negotiationId?: string,
    wantsAcks = false,
  ) {
    this.origin = { kind: 'client', connectionId: this.id }
    // A refused connection hears nothing more, not even of what was stored before the refusal.
    const sendAck = (ack: Uint8Array) => {
      if (!this.refused) this.send(ack)
    }
    this.acks = wantsAcks ? new DurabilityAcks(sendAck) : undefined
  }

  /** Whether the socket is closing or closed; nothing more is read from or sent to it. */
  get closed(): boolean {
    return this.socket.readyState !== WebSocket.OPEN
  }

  /** Sends one encoded message, unless the socket is going away or fell behind. */
  send(message: Uint8Array): void {
    if (this.closed || this.fellBehind()) return
    this.socket.send(message, this.afterSend)
  }

  /**
   * Sends a window of the room's outbox as one write, unless the socket is going away or fell
   * behind: the frames built once for everyone who gets the same, written straight to the TCP
   * socket (ws frames synchronously when no extension is negotiated, so order holds).
   */
  sendWindow(window: WindowMessages): void {
    if (this.closed || this.fellBehind()) return
    const raw = netSocket(this.socket)
    if (raw && this.socket.extensions === '') {
      raw.write(window.frames)
      return
    }
    raw?.cork()
    try {
      for (const message of window.messages) this.socket.send(message, this.afterSend)
    } finally {
      raw?.uncork()
    }
  }

  private readonly afterSend = (error?: Error): void => {
    if (error) this.socket.terminate()
  }

  // A socket that stopped reading holds what we send in memory: past SLOW_READER_BYTES, close it
  // with a code that makes the client reconnect and resync; terminate it if it does not close
  // promptly (a socket that does not read will not read the close frame either).
  private fellBehind(): boolean {
    const waiting = this.socket.bufferedAmount
    if (waiting <= SLOW_READER_BYTES) return false
    const mib = (waiting / 1024 / 1024).toFixed(1)
    console.warn(`collab: connection ${this.id} fell behind (${mib} MiB waiting): SlowReader`)
    this.close(
      CloseCode.SlowReader,
      'Your connection fell behind the room; reconnecting to catch up.',
    )
    const socket = this.socket
    setTimeout(() => {
      if (socket.readyState !== WebSocket.CLOSED) socket.terminate()
    }, SLOW_READER_GRACE_MS).unref()
    return true
  }

  /** Whether the server refused this connection; nothing it sent afterwards is applied. */
  get refused(): boolean {
    return this.refusedWith !== undefined
  }

  private refusedWith: number | undefined

  /** Refuses the connection with a named close code; its queued messages are dropped. */
  refuse(code: number, reason: string): void {
    this.refusedWith ??= code
    this.close(code, reason)
  }

  /** Closes the socket with a close code and a human-readable reason (at most 123 bytes). */
  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.CLOSED || this.socket.readyState === WebSocket.CLOSING)
      return
    this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString())
  }
}
