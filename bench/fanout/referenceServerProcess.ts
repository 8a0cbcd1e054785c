// Child process: the classic y-websocket reference server (y-websocket 1.5.4's bin/utils, as its
// own bin/server.js wires it up, but on our ws 8 rather than its optional ws 6), in memory.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { WebSocketServer, type WebSocket } from 'ws'
import { serveParent } from './childProtocol'

interface ReferenceUtils {
  setupWSConnection(conn: WebSocket, req: http.IncomingMessage): void
  getYDoc(name: string): object
}
interface YjsCommonJs {
  applyUpdate(doc: object, update: Uint8Array): void
}

// CommonJS all through: the utils require('yjs'), and seeding must use that same instance.
const require = createRequire(import.meta.url)
const utils = require('y-websocket-v1/bin/utils') as ReferenceUtils
const Y = require('yjs') as YjsCommonJs

const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_req, res) => res.writeHead(404).end())
server.on('upgrade', (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (conn) => utils.setupWSConnection(conn, req)),
)
server.listen(
  0,
  () =>
    void serveParent('reference', (server.address() as AddressInfo).port, {
      stop: async () => {
        wss.clients.forEach((conn) => conn.terminate())
        await new Promise((resolve) => server.close(resolve))
      },
      // The room name is the request path without its slash: collab/ccm/text.
      seed: (doc, update) => Y.applyUpdate(utils.getYDoc(doc), update),
    }),
)
