import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Tally } from '../fanout/Tally'
import { keystrokeNames } from '../fanout/keystrokeNames'
import { SENTENCE, countingWebSocket } from '../fanout/Typist'

/** Who an editor is to the others: its presence, as the client publishes it. */
export interface EditorIdentity {
  name: string
  role: string
  /** The article its cursor is in (the text room), if any. */
  article?: string
}

/**
 * A person typing in a room: a Y.Doc synced by the official y-websocket provider with their
 * account's API token, typing one character per transaction at a cursor kept as a relative
 * position and publishing that cursor in their presence on every keystroke, as y-prosemirror's
 * cursor plugin does. Updates it sends and receives are counted in a Tally under `index`.
 */
export class Editor {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private text: Y.XmlText | undefined
  private cursor: Y.RelativePosition | undefined
  private typed = 0

  constructor(
    wsUrl: string,
    room: string,
    token: string | null,
    identity: EditorIdentity,
    private readonly tally: Tally,
    private readonly index: number,
    onBytes: (bytes: number) => void = () => {},
  ) {
    this.provider = new WebsocketProvider(wsUrl, room, this.doc, {
      params: token === null ? {} : { token },
      WebSocketPolyfill: countingWebSocket(onBytes) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    const { name, role, article } = identity
    this.provider.awareness.setLocalStateField('user', { name, color: '#1d5fbf', role })
    if (article !== undefined) this.provider.awareness.setLocalStateField('article', article)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) this.tally.receiveUpdate(update, this.index)
      else if (this.text) this.tally.send(keystrokeNames(update), this.index)
    })
  }

  /** Resolves once the provider has the room's document (rejects after `ms`). */
  synced(ms = 60_000): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('an editor did not sync')), ms)
      const on = (state: boolean) => {
        if (!state) return
        clearTimeout(timer)
        this.provider.off('sync', on)
        resolve()
      }
      this.provider.on('sync', on)
    })
  }

  /**
   * Puts the cursor in `text` (a clause of this editor's document) at `index`, by default its
   * end; people typing in one clause each keep their own place in it.
   */
  placeCursor(text: Y.XmlText, index = text.length): void {
    this.text = text
    this.cursor = Y.createRelativePositionFromTypeIndex(text, Math.min(index, text.length))
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
    const json = Y.relativePositionToJSON(this.cursor)
    this.provider.awareness.setLocalStateField('cursor', { anchor: json, head: json })
  }

  /** Disconnects and frees the provider and document. */
  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}

/**
 * Strikes `keystroke` of every editor every 1/rate s for `seconds`, phases spread evenly; a late
 * timer catches up, so the offered load stays the same however busy the generator gets.
 */
export function typeOnSchedule(
  editors: readonly { keystroke(): void }[],
  rate: number,
  seconds: number,
): Promise<void> {
  const interval = 1000 / rate
  const perEditor = Math.round(rate * seconds)
  const start = performance.now()
  const next = editors.map((_, i) => start + (i / editors.length) * interval)
  const count = editors.map(() => 0)
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now()
      let done = true
      editors.forEach((editor, i) => {
        while ((count[i] ?? 0) < perEditor && (next[i] ?? 0) <= now) {
          editor.keystroke()
          count[i] = (count[i] ?? 0) + 1
          next[i] = (next[i] ?? 0) + interval
        }
        if ((count[i] ?? 0) < perEditor) done = false
      })
      if (!done) return
      clearInterval(timer)
      resolve()
    }, 2)
  })
}
