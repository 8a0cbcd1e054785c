import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Awareness } from 'y-protocols/awareness'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as sync from 'y-protocols/sync'
import * as Y from 'yjs'

// The y-websocket wire format: [messageType: varUint, payload...]. Sync payloads are themselves
// [syncType: varUint, varUint8Array] as y-protocols/sync writes them.
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_AUTH = 2
const MESSAGE_QUERY_AWARENESS = 3

/** A message a client sent, fully decoded before anything acts on it. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

/** Thrown when bytes from a client are not a well-formed protocol message. */
export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

/** Decodes one client message; throws MalformedMessageError for anything else. */
export function decodeMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes')
    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError(`undecodable message: ${String(error)}`)
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MESSAGE_SYNC: {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === sync.messageYjsSyncStep1) {
        Y.decodeStateVector(payload) // throws on a malformed state vector, before any work
        return { type: 'sync-step1', stateVector: payload }
      }
      if (syncType === sync.messageYjsSyncStep2) return { type: 'sync-step2', update: payload }
      if (syncType === sync.messageYjsUpdate) return { type: 'update', update: payload }
      throw new MalformedMessageError(`unknown sync message type ${syncType}`)
    }
    case MESSAGE_AWARENESS:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'query-awareness' }
    case MESSAGE_AUTH:
      throw new MalformedMessageError('clients do not send auth messages')
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

/** The server's sync step 1: its state vector, so the client answers with what it lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  sync.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** The server's sync step 2: everything the client's state vector lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, sync.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector))
  return encoding.toUint8Array(encoder)
}

/** A document update as a sync message. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  sync.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** The awareness states of some clients as an awareness message. */
export function encodeAwareness(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}
