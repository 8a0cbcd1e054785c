import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { LARGE_UPDATE_BYTES, quietLargeSync } from '../../client/src/collab/quietLargeSync'

const MESSAGE_SYNC = 0

// A server's document of `chars` characters typed one by one at the start (many items).
function serverState(chars: number): Uint8Array {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  for (let i = 0; i < chars; i++) text.insert(0, String.fromCharCode(97 + (i % 26)))
  return Y.encodeStateAsUpdate(doc)
}

// A sync message as the server sends it (step 2 of the handshake, or a later update).
function syncMessage(kind: 'step2' | 'update', update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  if (kind === 'step2') syncProtocol.writeSyncStep2(encoder, docWith(update))
  else syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

const docWith = (update: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

// The provider's handling of one message received, as its socket's onmessage does it.
function receive(provider: WebsocketProvider, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  provider.messageHandlers[type]?.(encoding.createEncoder(), decoder, provider, true, type)
}

describe('quietLargeSync', () => {
  const providers: WebsocketProvider[] = []
  afterEach(() => providers.splice(0).forEach((p) => p.destroy()))

  const provider = () => {
    const p = new WebsocketProvider('ws://127.0.0.1:9', 'room', new Y.Doc(), {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    })
    providers.push(p)
    return p
  }

  it('hands the listeners the large first sync as received, applied once, and marks it synced', () => {
    const p = provider()
    quietLargeSync(p)
    const heard: Uint8Array[] = []
    p.doc.on('update', (u: Uint8Array, origin: unknown) => {
      expect(origin).toBe(p)
      heard.push(u)
    })
    const state = serverState(40_000)
    expect(state.byteLength).toBeGreaterThan(LARGE_UPDATE_BYTES)
    const message = syncMessage('step2', state)
    receive(p, message)
    expect(p.doc.getText('t').length).toBe(40_000)
    expect(p.synced).toBe(true)
    // The bytes of the message itself: nothing was encoded again for the listeners.
    expect(heard).toHaveLength(1)
    expect(heard[0]?.buffer).toBe(message.buffer)
    // What they heard is the whole document (a stored copy made of it is complete).
    expect(
      docWith(heard[0] as Uint8Array)
        .getText('t')
        .toString(),
    ).toBe(p.doc.getText('t').toString())
  })

  it('leaves small updates to Yjs, and the listeners in place after a large one', () => {
    const p = provider()
    quietLargeSync(p)
    const heard: Uint8Array[] = []
    p.doc.on('update', (u: Uint8Array) => heard.push(u))
    receive(p, syncMessage('update', serverState(40_000)))
    const small = syncMessage('update', serverState(3))
    receive(p, small)
    expect(heard).toHaveLength(2)
    expect(heard[1]?.buffer).not.toBe(small.buffer)
    // A local edit is still heard (and so sent and stored).
    p.doc.getText('t').insert(0, 'x')
    expect(heard).toHaveLength(3)
  })

  it('restores the provider’s own handling when stopped', () => {
    const p = provider()
    const own = p.messageHandlers[MESSAGE_SYNC]
    const stop = quietLargeSync(p)
    expect(p.messageHandlers[MESSAGE_SYNC]).not.toBe(own)
    stop()
    expect(p.messageHandlers[MESSAGE_SYNC]).toBe(own)
  })
})
