import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import type { Origin } from '../../../shared/collab'
import type { Access, ConnectionOwner } from './access'

/** One client's websocket in one room, with what it may do and the presence it controls. */
export class Connection {
  /** Unique per connection; appears in transaction origins and logs. */
  readonly id = randomUUID()
  /** The typed origin of every transaction this connection causes. */
  readonly origin: Origin & { kind: 'client' }
  /** The awareness client ids this connection owns (see PresenceOwners), cleared when it leaves. */
  readonly awarenessClients = new Set<number>()

  constructor(
    private readonly socket: WebSocket,
    /** What the connection may do in its room. */
    public access: Access = 'write',
    /** Whose connection this is; absent only where nobody signs in (tests of the sync). */
    readonly owner?: ConnectionOwner,
    /** The negotiation of its room. */
    readonly negotiationId?: string,
  ) {
    this.origin = { kind: 'client', connectionId: this.id }
  }

  /** Whether the socket is closing or closed; nothing more is read from or sent to it. */
  get closed(): boolean {
    return this.socket.readyState !== WebSocket.OPEN
  }

  /** Sends one encoded message, unless the socket is going away. */
  send(message: Uint8Array): void {
    if (this.closed) return
    this.socket.send(message, (error) => {
      if (error) this.socket.terminate()
    })
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
