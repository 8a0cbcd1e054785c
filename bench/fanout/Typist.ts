import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { clauseText } from '../../tests/support/collabClient'
import { keystrokeNames } from './keystrokeNames'
import type { Tally } from './Tally'

/** What the bench's typists type, one character per keystroke. */
export const SENTENCE =
  'Each State Party undertakes never under any circumstances to use cluster munitions, to ' +
  'develop, produce, otherwise acquire, stockpile, retain or transfer them to anyone. '

/** ws in the provider's place (as tests/support/collabClient does), counting what arrives. */
export const countingWebSocket = (onBytes: (bytes: number) => void) =>
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: WebSocket.RawData) =>
        onBytes(Array.isArray(data) ? Buffer.concat(data).length : data.byteLength),
      )
    }
  }

/** Which official provider a typist uses: y-websocket's, or Hocuspocus's (its own framing). */
export type TypistProvider = 'y-websocket' | 'hocuspocus'

/** How a typist signs in and which provider it uses (default: y-websocket, no token). */
export interface TypistOptions {
  /** An API token secret, sent as `?token=` (y-websocket) or in the Hocuspocus auth message. */
  token?: string
  provider?: TypistProvider
}

// What a typist needs of a provider, whichever it is.
interface Connection {
  awareness: Awareness
  synced(): Promise<void>
  destroy(): void
}

function connectYWebsocket(wsUrl: string, room: string, doc: Y.Doc, tally: Tally, token?: string) {
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: countingWebSocket((bytes) =>
      tally.received(bytes),
    ) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token ? { token } : {},
  })
  return {
    awareness: provider.awareness,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const on = (state: boolean) => {
              if (!state) return
              provider.off('sync', on)
              resolve()
            }
            provider.on('sync', on)
          }),
    destroy: () => provider.destroy(),
  }
}

function connectHocuspocus(wsUrl: string, room: string, doc: Y.Doc, tally: Tally, token?: string) {
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: countingWebSocket((bytes) => tally.received(bytes)),
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    document: doc,
    token: token ?? null,
  })
  // A provider given its socket attaches itself only when asked.
  provider.attach()
  const { awareness } = provider
  if (!awareness) throw new Error('the Hocuspocus provider has no awareness')
  return {
    awareness,
    synced: () =>
      provider.isSynced
        ? Promise.resolve()
        : new Promise<void>((resolve) => provider.on('synced', () => resolve())),
    destroy: () => {
      provider.destroy()
      socket.destroy()
    },
  }
}

/**
 * A real editing client: a Y.Doc synced by an official provider (y-websocket's, or Hocuspocus's
 * against Hocuspocus), typing into one clause at a cursor kept as a relative position, and (with
 * presence) publishing that cursor in its awareness state on every keystroke, as
 * y-prosemirror's cursor plugin does.
 */
export class Typist {
  readonly doc = new Y.Doc()
  private readonly connection: Connection
  private text: Y.XmlText | undefined
  private cursor: Y.RelativePosition | undefined
  private typed = 0
  private typing = false
  // Where the characters it typed (and has not taken back) are, newest last.
  private readonly own: Y.RelativePosition[] = []

  constructor(
    wsUrl: string,
    room: string,
    private readonly index: number,
    tally: Tally,
    private readonly presence: boolean,
    options: TypistOptions = {},
  ) {
    const connect = options.provider === 'hocuspocus' ? connectHocuspocus : connectYWebsocket
    this.connection = connect(wsUrl, room, this.doc, tally, options.token)
    this.connection.awareness.setLocalStateField('user', { name: `Typist ${index}` })
    // A keystroke's own update is named as sent; any other is what arrived from the server.
    this.doc.on('update', (update: Uint8Array) => {
      if (this.typing) tally.send(keystrokeNames(update), index)
      else tally.receive(keystrokeNames(update), index)
    })
  }

  /** Resolves once the provider has the room's document. */
  synced(): Promise<void> {
    return this.connection.synced()
  }

  /** Puts the cursor at the end of the first clause of article `article` (0-based). */
  placeCursor(article: number): void {
    this.text = clauseText(this.doc, article, 1)
    this.cursor = Y.createRelativePositionFromTypeIndex(this.text, this.text.length)
  }

  /**
   * Types one character at the cursor, or now and then takes back the last one it typed (its
   * own: typists sharing a clause never delete each other's characters, so every keystroke,
   * a backspace included, is one change that reaches everyone).
   */
  keystroke(): void {
    const { text, cursor } = this
    if (!text || !cursor) throw new Error('placeCursor first')
    const at = Y.createAbsolutePositionFromRelativePosition(cursor, this.doc)?.index ?? text.length
    const n = this.typed++
    let next = at
    this.typing = true
    const last = n % 14 === 13 ? this.own.pop() : undefined
    const lastAt = last && Y.createAbsolutePositionFromRelativePosition(last, this.doc)?.index
    if (lastAt !== undefined) {
      text.delete(lastAt, 1)
      next = lastAt
    } else {
      text.insert(at, SENTENCE[n % SENTENCE.length] ?? ' ')
      this.own.push(Y.createRelativePositionFromTypeIndex(text, at))
      next = at + 1
    }
    this.typing = false
    this.cursor = Y.createRelativePositionFromTypeIndex(text, next)
    if (this.presence) {
      const json = Y.relativePositionToJSON(this.cursor)
      this.connection.awareness.setLocalStateField('cursor', { anchor: json, head: json })
    }
  }

  /** Disconnects and frees the provider and document. */
  destroy(): void {
    this.connection.destroy()
    this.doc.destroy()
  }
}
