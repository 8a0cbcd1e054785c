import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import type { Origin } from '../../../shared/collab'
import type { Access, ConnectionOwner } from './access'
import { DurabilityAcks } from './DurabilityAcks'

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
