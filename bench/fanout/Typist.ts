import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { clauseText } from '../../tests/support/collabClient'
import type { Tally } from './Tally'
import { updateKey } from './updateKey'

const SENTENCE =
  'Each State Party undertakes never under any circumstances to use cluster munitions, to ' +
  'develop, produce, otherwise acquire, stockpile, retain or transfer them to anyone. '

// ws in the provider's place (as tests/support/collabClient does), counting what arrives.
const countingWebSocket = (onBytes: (bytes: number) => void) =>
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: WebSocket.RawData) =>
        onBytes(Array.isArray(data) ? Buffer.concat(data).length : data.byteLength),
      )
    }
  }

/**
 * A real editing client: a Y.Doc synced by the official y-websocket provider, typing into one
 * clause at a cursor kept as a relative position, and (with presence) publishing that cursor in
 * its awareness state on every keystroke, as y-prosemirror's cursor plugin does.
 */
export class Typist {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private text: Y.XmlText | undefined
  private cursor: Y.RelativePosition | undefined
  private typed = 0

  constructor(
    wsUrl: string,
    room: string,
    private readonly index: number,
    tally: Tally,
    private readonly presence: boolean,
  ) {
    this.provider = new WebsocketProvider(wsUrl, room, this.doc, {
      WebSocketPolyfill: countingWebSocket((bytes) =>
        tally.received(bytes),
      ) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    this.provider.awareness.setLocalStateField('user', { name: `Typist ${index}` })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) tally.receive(updateKey(update), index)
      else if (this.text) tally.send(updateKey(update) ?? 'none', index)
    })
  }

  /** Resolves once the provider has the room's document. */
  synced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve) => {
      const on = (state: boolean) => {
        if (!state) return
        this.provider.off('sync', on)
        resolve()
      }
      this.provider.on('sync', on)
    })
  }

  /** Puts the cursor at the end of the first clause of article `article` (0-based). */
  placeCursor(article: number): void {
    this.text = clauseText(this.doc, article, 1)
    this.cursor = Y.createRelativePositionFromTypeIndex(this.text, this.text.length)
  }

  /** Types one character at the cursor, or now and then takes the last one back. */
  keystroke(): void {
    const { text, cursor } = this
    if (!text || !cursor) throw new Error('placeCursor first')
    const at = Y.createAbsolutePositionFromRelativePosition(cursor, this.doc)?.index ?? text.length
    const n = this.typed++
    let next = at
    if (n % 14 === 13 && at > 0) {
      text.delete(at - 1, 1)
      next = at - 1
    } else {
      text.insert(at, SENTENCE[n % SENTENCE.length] ?? ' ')
      next = at + 1
    }
    this.cursor = Y.createRelativePositionFromTypeIndex(text, next)
    if (this.presence) {
      const json = Y.relativePositionToJSON(this.cursor)
      this.provider.awareness.setLocalStateField('cursor', { anchor: json, head: json })
    }
  }

  /** Disconnects and frees the provider and document. */
  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}
