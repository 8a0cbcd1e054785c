import http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocketServer, type WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

const SYNC = 0
const AWARENESS = 1
const WINDOW_MS = 10

const message = (type: number, write: (encoder: encoding.Encoder) => void) =>
  encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, type)
    write(encoder)
  })

// A room: its document, its presence, and what arrived since the window opened.
class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly clients = new Map<WebSocket, Set<number>>()
  private updates: Uint8Array[] = []
  private presence = new Set<number>()
  private timer: NodeJS.Timeout | undefined

  constructor() {
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array) => this.hold(() => this.updates.push(update)))
    type Changes = Record<'added' | 'updated' | 'removed', number[]>
    this.awareness.on('update', ({ added, updated, removed }: Changes, from: unknown) => {
      const ids = this.clients.get(from as WebSocket)
      added.forEach((id) => ids?.add(id))
      removed.forEach((id) => ids?.delete(id))
      this.hold(() => [...added, ...updated, ...removed].forEach((id) => this.presence.add(id)))
    })
  }

  private hold(add: () => void) {
    add()
    this.timer ??= setTimeout(() => this.flush(), WINDOW_MS)
  }

  // One message per client per window for the text, one for presence (latest state wins).
  private flush() {
    this.timer = undefined
    const out: Uint8Array[] = []
    if (this.updates.length > 0) {
      const update = Y.mergeUpdates(this.updates)
      out.push(message(SYNC, (e) => syncProtocol.writeUpdate(e, update)))
    }
    if (this.presence.size > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.presence])
      out.push(message(AWARENESS, (e) => encoding.writeVarUint8Array(e, update)))
    }
    this.updates = []
    this.presence.clear()
    for (const client of this.clients.keys()) out.forEach((m) => client.send(m))
  }
}

/**
 * The minimal merging server the stress bench holds ours against: y-websocket's protocol on
 * y-protocols and ws, in memory, merging a room's updates of each 10 ms window with
 * `Y.mergeUpdates` into one message per client, presence likewise; no auth, no storage.
 */
export function startMergingServer(port = 0): Promise<{
  port: number
  seed(room: string, update: Uint8Array): void
  close(): Promise<void>
}> {
  const rooms = new Map<string, Room>()
  const roomOf = (name: string) => rooms.get(name) ?? rooms.set(name, new Room()).get(name)!
  const wss = new WebSocketServer({ noServer: true })
  const server = http.createServer((_req, res) => res.writeHead(404).end())
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      const room = roomOf((req.url ?? '/').slice(1).split('?')[0]!)
      room.clients.set(ws, new Set())
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(data)
        const type = decoding.readVarUint(decoder)
        if (type === SYNC) {
          const reply = encoding.createEncoder()
          encoding.writeVarUint(reply, SYNC)
          syncProtocol.readSyncMessage(decoder, reply, room.doc, ws)
          if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply))
        } else if (type === AWARENESS) {
          const update = decoding.readVarUint8Array(decoder)
          awarenessProtocol.applyAwarenessUpdate(room.awareness, update, ws)
        }
      })
      ws.on('close', () => {
        const ids = [...(room.clients.get(ws) ?? [])]
        room.clients.delete(ws)
        awarenessProtocol.removeAwarenessStates(room.awareness, ids, null)
      })
      ws.send(message(SYNC, (e) => syncProtocol.writeSyncStep1(e, room.doc)))
      const present = [...room.awareness.getStates().keys()]
      if (present.length === 0) return
      const states = awarenessProtocol.encodeAwarenessUpdate(room.awareness, present)
      ws.send(message(AWARENESS, (e) => encoding.writeVarUint8Array(e, states)))
    }),
  )
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        seed: (name, update) => Y.applyUpdate(roomOf(name).doc, update),
        close: () => {
          wss.clients.forEach((ws) => ws.terminate())
          return new Promise((done) => server.close(() => done()))
        },
      }),
    ),
  )
}
