import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'

// y-websocket message and sync types (y-protocols/sync).
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2
/** An empty Y.Doc's state vector: asks for the whole document. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0])
const EMPTY_UPDATE = new Uint8Array([0, 0])

const syncMessage = (type: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

// One awareness entry, as y-protocols encodes it: [count, clientID, clock, JSON state].
const presenceMessage = (clientId: number, clock: number, state: unknown): Uint8Array => {
  const entry = encoding.createEncoder()
  encoding.writeVarUint(entry, 1)
  encoding.writeVarUint(entry, clientId)
  encoding.writeVarUint(entry, clock)
  encoding.writeVarString(entry, JSON.stringify(state))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry))
  return encoding.toUint8Array(encoder)
}

/** What a reader hears: each document update it receives, and every byte. */
export interface ReaderEvents {
  onUpdate?: (update: Uint8Array) => void
  onBytes?: (bytes: number) => void
}

/**
 * A light reader of one room with its account's token: a raw websocket speaking just enough of
 * the y-websocket protocol (asks for the document from a state vector, answers the server's sync
 * step 1 with nothing, announces its presence) without keeping a document, so that a thousand
 * browsers' worth fit in one load generator. It can be dropped and reconnected, as a browser on
 * a flaky wifi is.
 */
export class RoomReader {
  /** Times the server closed this reader's socket (it did not drop it itself). */
  closedByServer = 0
  /** Close codes the server gave, counted. */
  readonly closeCodes = new Map<number, number>()
  private socket: WebSocket | undefined
  private readonly clientId = Math.floor(Math.random() * 2 ** 31)
  private clock = 0

  constructor(
    private readonly url: string,
    private readonly presence: unknown,
    private readonly events: ReaderEvents = {},
  ) {}

  /**
   * Connects and asks for what `stateVector` lacks (the whole document by default); resolves
   * once the server has sent it (sync step 2), rejects if the socket fails or closes first.
   */
  connect(stateVector: Uint8Array = EMPTY_STATE_VECTOR): Promise<void> {
    const socket = new WebSocket(this.url)
    this.socket = socket
    return new Promise((resolve, reject) => {
      socket.on('error', reject)
      socket.once('close', (code) => {
        this.closedByServer++
        this.closeCodes.set(code, (this.closeCodes.get(code) ?? 0) + 1)
        reject(new Error(`closed by the server: ${code}`))
      })
      socket.on('message', (data: Buffer) => {
        this.events.onBytes?.(data.length)
        const decoder = decoding.createDecoder(data)
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return // presence: counted only
        const type = decoding.readVarUint(decoder)
        if (type === SYNC_UPDATE) this.events.onUpdate?.(decoding.readVarUint8Array(decoder))
        else if (type === SYNC_STEP1) socket.send(syncMessage(SYNC_STEP2, EMPTY_UPDATE))
        else if (type === SYNC_STEP2) {
          const update = decoding.readVarUint8Array(decoder)
          if (update.length > 2) this.events.onUpdate?.(update)
          resolve()
        }
      })
      socket.once('open', () => {
        socket.send(syncMessage(SYNC_STEP1, stateVector))
        if (this.presence !== null)
          socket.send(presenceMessage(this.clientId, ++this.clock, this.presence))
      })
    })
  }

  /** Drops the connection at once, as a lost wifi does (no close handshake). */
  drop(): void {
    this.socket?.removeAllListeners('close')
    this.socket?.removeAllListeners('error')
    this.socket?.on('error', () => {})
    this.socket?.terminate()
    this.socket = undefined
  }
}
