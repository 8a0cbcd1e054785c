import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import WebSocket, { type WebSocketServer } from 'ws'
import { SCHEMA_VERSION } from '../../../shared/schema'
import {
  ACK_PARAM,
  COLLAB_PATH,
  CloseCode,
  parseRoomName,
  type RoomRef,
} from '../../../shared/collab'
import type { ConnectionSlots } from '../cluster/RedisConnectionSlots'
import type { Storage } from '../storage/Storage'
import { everyoneWrites, type AccessDecider, type Grant, type Refusal } from './access'
import { serveConnection } from './connect'
import type { RoomRegistry } from './rooms'

/** The most websocket connections one account may hold open at once. */
export const MAX_CONNECTIONS_PER_ACCOUNT = 20

/** What the upgrade handler needs from the rest of the server. */
export interface UpgradeDeps {
  wss: WebSocketServer
  storage: Storage
  registry: RoomRegistry
  /** Who may do what in a room (default: everyone writes, for tests of the sync alone). */
  decideAccess?: AccessDecider
  /** The per-person limit across instances (with REDIS_URL); the registry's count is checked too. */
  slots?: ConnectionSlots
}

/**
 * Handles an http upgrade. Paths outside /collab/ get a plain 404; every other request is
 * accepted as a websocket first, so that a refusal reaches the client as a named close code.
 * A refused connection is closed before the server sends it a single message.
 */
export function createUpgradeHandler(deps: UpgradeDeps) {
  const { wss, registry } = deps
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(`${COLLAB_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    // Only sockets that ask get acks (issue 14): the official provider logs unknown messages.
    const wantsAcks = url.searchParams.get(ACK_PARAM) === '1'
    wss.handleUpgrade(request, socket, head, (ws) => {
      // Hold the client's first messages until we listen for them (storage may be async).
      ws.pause()
      admit(url, request, deps).then(
        (decided) => {
          const release = 'code' in decided ? undefined : decided.release
          if (ws.readyState !== WebSocket.OPEN) return release?.()
          // Counted here, synchronously with `track` in serveConnection: no race past the limit.
          const admitted = 'code' in decided ? decided : withinLimit(decided, registry)
          if ('code' in admitted) {
            release?.()
            closeWith(ws, admitted)
          } else {
            if (release) ws.once('close', release)
            serveConnection(ws, admitted.name, admitted.ref, admitted.grant, registry, wantsAcks)
          }
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
  grant: Grant
  /** Gives back the owner's place among every instance's connections (with `slots`). */
  release?: () => void
}

const tooMany: Refusal = {
  code: CloseCode.TooManyConnections,
  reason: `At most ${MAX_CONNECTIONS_PER_ACCOUNT} connections per person; close one first.`,
}

// Refuses a connection past its owner's limit of open connections.
function withinLimit(admitted: Admitted, registry: RoomRegistry): Admitted | Refusal {
  const owner = admitted.grant.owner
  if (!owner || registry.connectionCount(owner.accountId) < MAX_CONNECTIONS_PER_ACCOUNT) {
    return admitted
  }
  return tooMany
}

// Decides whether a connection may enter its room, and with which access. The decider runs
// before the negotiation is looked up, so that whoever may not know whether it exists does not.
async function admit(
  url: URL,
  request: IncomingMessage,
  { storage, decideAccess = everyoneWrites, slots }: UpgradeDeps,
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
  const decided = await decideAccess(ref, request)
  if (typeof decided === 'object' && 'code' in decided) return decided
  if (!(await storage.getNegotiation(ref.negotiationId))) {
    return { code: CloseCode.NotFound, reason: `No negotiation "${ref.negotiationId}".` }
  }
  const grant = typeof decided === 'string' ? { access: decided } : decided
  // Across instances, the place is taken last: nothing after it refuses, but the local count.
  if (!slots || !grant.owner) return { name, ref, grant }
  const release = await slots.take(grant.owner.accountId, MAX_CONNECTIONS_PER_ACCOUNT)
  return release ? { name, ref, grant, release } : tooMany
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
