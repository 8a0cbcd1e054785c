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
  | { type: 'awareness'; entries: AwarenessEntry[] }
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
      return {
        type: 'awareness',
        entries: decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)),
      }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'query-awareness' }
    case MESSAGE_AUTH:
      throw new MalformedMessageError('clients do not send auth messages')
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

/** One entry of a y-protocols awareness update: a client id, its clock, its state or null (gone). */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/**
 * Decodes an awareness update as y-protocols writes it (varUint count, then per entry varUint
 * clientID, varUint clock, varString JSON state); throws MalformedMessageError for anything else,
 * including a state that is neither an object nor null.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const entries: AwarenessEntry[] = []
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
      throw new MalformedMessageError('an awareness state is neither an object nor null')
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null })
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing awareness bytes')
  return entries
}

/** Encodes entries as an awareness update, the format `applyAwarenessUpdate` reads. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
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

/** An awareness message carrying `entries`. */
export function encodePresenceMessage(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries))
  return encoding.toUint8Array(encoder)
}

/** The awareness states of some clients as an awareness message. */
export function encodeAwareness(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}
