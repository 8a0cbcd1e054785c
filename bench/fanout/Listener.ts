import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import type { Tally } from './Tally'

// y-websocket message and sync types (y-protocols/sync).
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2
// What an empty Y.Doc encodes: its state vector, and its state as an update.
const EMPTY_STATE_VECTOR = new Uint8Array([0])
const EMPTY_UPDATE = new Uint8Array([0, 0])

// Hocuspocus's framing: every message starts with the document's name, and the connection
// opens with an authentication message (its token, possibly empty) for that document.
const MESSAGE_AUTH = 2
const AUTH_TOKEN = 0

/** How a listener talks to a server: y-websocket's framing, or Hocuspocus's. */
export interface ListenerOptions {
  /** Hocuspocus: the document's name, which then prefixes every message. */
  hocuspocusDocument?: string
  /** Hocuspocus: the token its auth message carries (y-websocket: put `?token=` in the URL). */
  token?: string
}

const framed = (document: string | undefined, write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder()
  if (document !== undefined) encoding.writeVarString(encoder, document)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const syncMessage = (type: number, payload: Uint8Array, document?: string): Uint8Array =>
  framed(document, (encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, type)
    encoding.writeVarUint8Array(encoder, payload)
  })

// One awareness entry, as y-protocols encodes it: [count, clientID, clock, JSON state].
const presenceMessage = (clientId: number, state: unknown, document?: string): Uint8Array => {
  const entry = encoding.createEncoder()
  encoding.writeVarUint(entry, 1)
  encoding.writeVarUint(entry, clientId)
  encoding.writeVarUint(entry, 1)
  encoding.writeVarString(entry, JSON.stringify(state))
  return framed(document, (encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry))
  })
}

const authMessage = (document: string, token: string): Uint8Array =>
  framed(document, (encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AUTH)
    encoding.writeVarUint(encoder, AUTH_TOKEN)
    encoding.writeVarString(encoder, token)
  })

/**
 * A light reader of a room: a raw websocket that speaks just enough of the y-websocket protocol
 * (or of Hocuspocus's framing of it) to ask for the document, answer the server's sync step 1
 * with an empty state and announce a presence once, and hands each update it receives to the
 * tally without keeping a document. Hundreds of them fit in one load generator where full
 * providers would not.
 */
export class Listener {
  /** Resolves once the server has sent the document (sync step 2). */
  readonly synced: Promise<void>
  private readonly socket: WebSocket

  constructor(url: string, index: number, tally: Tally, options: ListenerOptions = {}) {
    const document = options.hocuspocusDocument
    this.socket = new WebSocket(url)
    this.synced = new Promise((resolve, reject) => {
      this.socket.on('error', reject)
      this.socket.once('close', (code) => {
        tally.lost()
        reject(new Error(`listener ${index} closed: ${code}`))
      })
      this.socket.on('message', (data: Buffer) => {
        tally.received(data.length, true)
        const decoder = decoding.createDecoder(data)
        if (document !== undefined) decoding.readVarString(decoder)
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return // presence: counted only
        const type = decoding.readVarUint(decoder)
        if (type === SYNC_UPDATE) tally.receiveUpdate(decoding.readVarUint8Array(decoder), index)
        else if (type === SYNC_STEP1)
          this.socket.send(syncMessage(SYNC_STEP2, EMPTY_UPDATE, document))
        else if (type === SYNC_STEP2) resolve()
      })
    })
    // Unhandled once synced: a later close is counted by the tally instead.
    this.synced.catch(() => {})
    this.socket.once('open', () => {
      if (document !== undefined) this.socket.send(authMessage(document, options.token ?? ''))
      this.socket.send(syncMessage(SYNC_STEP1, EMPTY_STATE_VECTOR, document))
      const clientId = Math.floor(Math.random() * 2 ** 31)
      const state = { user: { name: `Reader ${index}` } }
      this.socket.send(presenceMessage(clientId, state, document))
    })
  }

  /** Drops the connection at once. */
  close(): void {
    this.socket.removeAllListeners('close')
    this.socket.terminate()
  }
}
