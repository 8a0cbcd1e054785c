import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import WebSocket, { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { announceOwnOnly } from '../../client/src/collab/announceOwnOnly'

const MESSAGE_AWARENESS = 1

// The client ids of each awareness message a socket received.
function awarenessIds(message: Uint8Array): number[] | null {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return null
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const ids: number[] = []
  const count = decoding.readVarUint(update)
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(update))
    decoding.readVarUint(update) // clock
    decoding.readVarString(update) // state
  }
  return ids
}

// Another client's presence, as a server relays it.
function othersPresence(clientId: number, clock: number): Uint8Array {
  const peer = new awarenessProtocol.Awareness(new Y.Doc())
  peer.clientID = clientId
  for (let i = 0; i < clock; i++) peer.setLocalState({ user: { name: `Peer ${i}` } })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(peer, [clientId]))
  peer.destroy()
  return encoding.toUint8Array(encoder)
}

describe('announceOwnOnly', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))

  it('sends the server its own presence and never echoes the others’', async () => {
    const server = new WebSocketServer({ port: 0 })
    const heard: number[][] = []
    const sockets: WebSocket[] = []
    server.on('connection', (socket) => {
      sockets.push(socket)
      socket.on('message', (data: Buffer) => {
        const ids = awarenessIds(new Uint8Array(data))
        if (ids) heard.push(ids)
      })
    })
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'room', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    cleanups.push(() => {
      provider.destroy()
      server.close()
    })
    announceOwnOnly(provider)
    await new Promise<void>((resolve) => provider.once('status', () => resolve()))
    await expect.poll(() => sockets.length).toBe(1)

    provider.awareness.setLocalStateField('user', { name: 'Me' })
    for (let clock = 1; clock <= 5; clock++) sockets[0]?.send(othersPresence(4242, clock))
    await expect.poll(() => provider.awareness.getStates().get(4242)).toBeDefined()
    provider.awareness.setLocalStateField('user', { name: 'Me again' })
    await expect.poll(() => heard.flat().filter((id) => id === doc.clientID).length).toBe(2)

    // The peer's five states arrived and changed the local awareness; none went back.
    expect(heard.flat()).not.toContain(4242)
    expect(heard.every((ids) => ids.every((id) => id === doc.clientID))).toBe(true)
  })
})
