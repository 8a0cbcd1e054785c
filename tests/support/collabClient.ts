import type { Node } from 'prosemirror-model'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { treatySchema } from '../../shared/schema'

/** A Node client of a room: a Y.Doc synced by the official y-websocket provider. */
export interface CollabClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The text as a ProseMirror document, read through y-prosemirror. */
  pmDoc(): Node
  /** Resolves once the provider has synced with the server. */
  synced(): Promise<void>
  /** Resolves with the close code and reason of the next close the server sends. */
  nextClose(): Promise<{ code: number; reason: string }>
  /** Disconnects and frees the provider and document. */
  destroy(): void
}

/** A ws WebSocket class that sends extra headers (a browser's Cookie and Origin) on connect. */
export function webSocketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
}

/**
 * Connects a y-websocket provider to `room` at `wsUrl` (ws://host/collab). Programs sign in with
 * `params: { token }`; `headers` (e.g. a session's cookie and origin) act as a browser would.
 */
export function connectClient(
  wsUrl: string,
  room: string,
  params: Record<string, string> = {},
  headers?: Record<string, string>,
): CollabClient {
  const doc = new Y.Doc()
  const polyfill = headers ? webSocketWithHeaders(headers) : WebSocket
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    // ws stands in for the browser WebSocket; the two differ only in types.
    WebSocketPolyfill: polyfill as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  })
  return {
    doc,
    provider,
    pmDoc: () => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema),
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const on = (state: boolean) => {
              if (!state) return
              provider.off('sync', on)
              resolve()
            }
            provider.on('sync', on)
          }),
    nextClose: () =>
      new Promise((resolve) => {
        const on = (event: CloseEvent | null) => {
          if (!event) return
          provider.off('connection-close', on)
          resolve({ code: event.code, reason: event.reason })
        }
        provider.on('connection-close', on)
      }),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** The XmlText of one clause: article `article` (0-based), clause `clause` (0 = its title). */
export function clauseText(doc: Y.Doc, article: number, clause: number): Y.XmlText {
  // The fragment holds title, preamble, then the articles.
  const node = doc.getXmlFragment(TEXT_FRAGMENT).get(2 + article)
  if (!(node instanceof Y.XmlElement)) throw new Error(`no article ${article}`)
  const block = node.get(clause)
  const text = block instanceof Y.XmlElement ? block.get(0) : undefined
  if (!(text instanceof Y.XmlText)) throw new Error(`no text in clause ${clause}`)
  return text
}

/** Polls `check` until it returns true; fails after `timeoutMs` with `what` in the message. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
