import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import type { Tally } from './Tally'
import { updateKey } from './updateKey'

// y-websocket message and sync types (y-protocols/sync).
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2
// What an empty Y.Doc encodes: its state vector, and its state as an update.
const EMPTY_STATE_VECTOR = new Uint8Array([0])
const EMPTY_UPDATE = new Uint8Array([0, 0])

const syncMessage = (type: number, payload: Uint8Array): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

// One awareness entry, as y-protocols encodes it: [count, clientID, clock, JSON state].
const presenceMessage = (clientId: number, state: unknown): Uint8Array => {
  const entry = encoding.createEncoder()
  encoding.writeVarUint(entry, 1)
  encoding.writeVarUint(entry, clientId)
  encoding.writeVarUint(entry, 1)
  encoding.writeVarString(entry, JSON.stringify(state))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry))
  return encoding.toUint8Array(encoder)
}

/**
 * A light reader of a room: a raw websocket that speaks just enough of the y-websocket protocol
 * (asks for the document, answers the server's sync step 1 with an empty state, announces a
 * presence once) and names each update it receives without keeping a document. Hundreds of
 * them fit in one load generator where full providers would not.
 */
export class Listener {
  /** Resolves once the server has sent the document (sync step 2). */
  readonly synced: Promise<void>
  private readonly socket: WebSocket

  constructor(url: string, index: number, tally: Tally) {
    this.socket = new WebSocket(url)
    this.synced = new Promise((resolve, reject) => {
      this.socket.on('error', reject)
      this.socket.once('close', (code) => reject(new Error(`listener ${index} closed: ${code}`)))
      this.socket.on('message', (data: Buffer) => {
        tally.received(data.length)
        const decoder = decoding.createDecoder(data)
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return // presence: counted only
        const type = decoding.readVarUint(decoder)
        if (type === SYNC_UPDATE)
          tally.receive(updateKey(decoding.readVarUint8Array(decoder)), index)
        else if (type === SYNC_STEP1) this.socket.send(syncMessage(SYNC_STEP2, EMPTY_UPDATE))
        else if (type === SYNC_STEP2) resolve()
      })
    })
    this.socket.once('open', () => {
      this.socket.send(syncMessage(SYNC_STEP1, EMPTY_STATE_VECTOR))
      const clientId = Math.floor(Math.random() * 2 ** 31)
      this.socket.send(presenceMessage(clientId, { user: { name: `Reader ${index}` } }))
    })
  }

  /** Drops the connection at once. */
  close(): void {
    this.socket.removeAllListeners('close')
    this.socket.terminate()
  }
}
