import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

// y-websocket's message type of sync messages (its messageSync).
const MESSAGE_SYNC = 0

/** From this size on, a document update from the server is not encoded again (a long history). */
export const LARGE_UPDATE_BYTES = 64 * 1024

/**
 * Applies a large document update from the server (the first sync of a long history, issue 15)
 * without Yjs encoding it again: while a document has 'update' listeners (the provider's own,
 * this browser's stored copy, the count of pending changes), Yjs encodes every transaction's
 * changes for them, and for a 2 MB history that costs a quarter of applying it. The listeners
 * are set aside while the provider applies the update and then get the bytes as received, which
 * hold the same changes (and perhaps some the document had: applying those again changes
 * nothing). Returns a function that restores the provider's own handling.
 */
export function quietLargeSync(provider: WebsocketProvider): () => void {
  const original = provider.messageHandlers[MESSAGE_SYNC]
  if (!original) return () => {}
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
    const update = largeUpdateIn(decoder)
    if (!update) return original(encoder, decoder, p, emitSynced, type)
    const doc = p.doc
    const listeners = doc._observers.get('update') as Set<unknown> | undefined
    doc._observers.delete('update')
    try {
      original(encoder, decoder, p, emitSynced, type)
    } finally {
      if (listeners) doc._observers.set('update', listeners)
    }
    if (listeners) doc.emit('update', [update, p, doc, new Y.Transaction(doc, p, false)])
  }
  return () => {
    if (original) provider.messageHandlers[MESSAGE_SYNC] = original
  }
}

// The update a sync message carries (step 2 or an update), if it is large; the decoder is left
// where it was, for the provider to read the message itself.
function largeUpdateIn(decoder: decoding.Decoder): Uint8Array | null {
  const peek = decoding.createDecoder(decoder.arr)
  peek.pos = decoder.pos
  const kind = decoding.readVarUint(peek)
  if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate)
    return null
  const update = decoding.readVarUint8Array(peek)
  return update.byteLength >= LARGE_UPDATE_BYTES ? update : null
}
