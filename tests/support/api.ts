import WebSocket from 'ws'
import type { Session } from './startServer'

/** An answer of the REST API: status, parsed JSON body (null if none) and headers. */
export interface ApiAnswer {
  status: number
  // Tests read into bodies freely; the server's types are what the assertions check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
  headers: Headers
}

/** Who a request is from: a browser session, a program's API token, or nobody. */
export type Caller = Session | { token: string } | null

/** Calls the REST API at `url` as `caller`, with a JSON body if one is given. */
export async function call(
  url: string,
  caller: Caller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const auth: Record<string, string> =
    caller === null ? {} : 'token' in caller ? { authorization: `Bearer ${caller.token}` } : caller
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...auth,
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
}

/** A bare websocket that counts every message the server sends before it closes the socket. */
export interface RawSocket {
  ws: WebSocket
  /** Messages received so far. */
  messages: number
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>
}

/** Opens a bare websocket (with optional headers such as a browser's Cookie and Origin). */
export function openRaw(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers })
  const raw: RawSocket = {
    ws,
    messages: 0,
    closed: new Promise((resolve) =>
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
  }
  ws.on('message', () => (raw.messages += 1))
  ws.on('error', () => {})
  return raw
}
