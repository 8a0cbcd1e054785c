import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type WebSocket from 'ws'
import type { WebSocketServer } from 'ws'
import { SCHEMA_VERSION } from '../../../shared/schema'
import { COLLAB_PATH, CloseCode, parseRoomName, type RoomRef } from '../../../shared/collab'
import type { Storage } from '../storage/Storage'
import { everyoneWrites, type Access, type AccessDecider, type Refusal } from './access'
import { serveConnection } from './connect'
import type { RoomRegistry } from './rooms'

/** What the upgrade handler needs from the rest of the server. */
export interface UpgradeDeps {
  wss: WebSocketServer
  storage: Storage
  registry: RoomRegistry
  /** Who may do what in a room (default: everyone writes). */
  decideAccess?: AccessDecider
}

/**
 * Handles an http upgrade. Paths outside /collab/ get a plain 404; every other request is
 * accepted as a websocket first, so that a refusal reaches the client as a named close code.
 */
export function createUpgradeHandler(deps: UpgradeDeps) {
  const { wss, registry } = deps
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(`${COLLAB_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      // Hold the client's first messages until we listen for them (storage may be async).
      ws.pause()
      admit(url, request, deps).then(
        (admitted) => {
          if ('code' in admitted) closeWith(ws, admitted)
          else serveConnection(ws, admitted.name, admitted.ref, admitted.access, registry)
          ws.resume()
        },
        (error) => {
          console.error('could not admit a collab connection:', error)
          ws.resume()
          closeWith(ws, { code: CloseCode.StorageFailure, reason: 'Try again later.' })
        },
      )
    })
  }
}

interface Admitted {
  name: string
  ref: RoomRef
  access: Access
}

// Decides whether a connection may enter its room, and with which access.
async function admit(
  url: URL,
  request: IncomingMessage,
  { storage, decideAccess = everyoneWrites }: UpgradeDeps,
): Promise<Admitted | Refusal> {
  const schema = url.searchParams.get('schema')
  if (schema !== null && schema !== String(SCHEMA_VERSION)) {
    return {
      code: CloseCode.SchemaOutdated,
      reason: `This page is out of date (schema ${schema}, server ${SCHEMA_VERSION}). Please reload.`,
    }
  }
  const name = decodePath(url.pathname.slice(COLLAB_PATH.length + 1))
  const ref = name === null ? null : parseRoomName(name)
  if (name === null || ref === null) {
    return { code: CloseCode.BadRoom, reason: 'Not a room name; expected <negotiation>/text.' }
  }
  if (!(await storage.getNegotiation(ref.negotiationId))) {
    return { code: CloseCode.NotFound, reason: `No negotiation "${ref.negotiationId}".` }
  }
  const access = await decideAccess(ref, request)
  if (typeof access !== 'string') return access
  return { name, ref, access }
}

function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function closeWith(ws: WebSocket, { code, reason }: Refusal): void {
  ws.close(code, reason)
}
