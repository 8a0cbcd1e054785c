import WebSocket, { WebSocketServer } from 'ws'
import { CloseCode } from '../../../shared/collab'

/** Messages larger than this are refused (DESIGN.md: 1 MiB). */
export const MAX_MESSAGE_BYTES = 1024 * 1024

// RFC 6455's "message too big".
const WS_MESSAGE_TOO_BIG = 1009

/**
 * A ws socket that reports ws's own size refusal (1009, which y-websocket treats as transient and
 * would retry forever) as our named CloseCode.MessageTooLarge, which makes clients stop.
 */
class CollabWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    if (code === WS_MESSAGE_TOO_BIG) {
      super.close(CloseCode.MessageTooLarge, `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.`)
      return
    }
    super.close(code, data)
  }
}

/** A websocket server without its own http listener; `upgrade.ts` hands it sockets. */
export function createWebSocketServer(maxPayload = MAX_MESSAGE_BYTES): WebSocketServer {
  return new WebSocketServer({ noServer: true, maxPayload, WebSocket: CollabWebSocket })
}
