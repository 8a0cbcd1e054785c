import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'

/** How to make a history: where, as whom, how many keystrokes, how fast. */
export interface HistoryOptions {
  /** ws://host:port/collab */
  wsUrl: string
  /** The room typed in (default `ccm/text`). */
  room?: string
  /** One API token per typing client (accounts that may write the room: the chair's). */
  tokens: string[]
  /** Keystrokes in all, each its own transaction (one update each). */
  keystrokes: number
  /** Keystrokes per second, all clients together (default 1,000). */
  rate?: number
  /** Seed of the random places (default 1). */
  seed?: number
}

/** What the history is: how long it took, and the room's state at the end. */
export interface History {
  keystrokes: number
  ms: number
  /** The size of the room's document encoded as one update (`Y.encodeStateAsUpdate`). */
  stateBytes: number
}

/** Letters typed, with spaces about as often as in prose (synthetic). */
const LETTERS = 'etaoin shrdlu cmfwyp vbgkjq xz etaoin '

// Mulberry32: a small seeded generator, so that two runs type the same places.
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Every text node of a ProseMirror document in Yjs: the clauses, titles and preamble.
function texts(fragment: Y.XmlFragment): Y.XmlText[] {
  const found: Y.XmlText[] = []
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) found.push(child)
      else if (child instanceof Y.XmlElement) walk(child)
    }
  }
  walk(fragment)
  return found
}

/** One typing client: the official y-websocket provider with its account's token. */
class HistoryTypist {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private texts: Y.XmlText[] = []

  constructor(wsUrl: string, room: string, token: string) {
    this.provider = new WebsocketProvider(wsUrl, room, this.doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
  }

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

  /** One keystroke at a random place of a random clause: a letter, or one in ten a deletion. */
  keystroke(next: () => number): void {
    if (this.texts.length === 0) this.texts = texts(this.doc.getXmlFragment(TEXT_FRAGMENT))
    const text = this.texts[Math.floor(next() * this.texts.length)]
    if (!text) throw new Error('a text without clauses')
    const length = text.length
    if (next() < 0.1 && length > 1) text.delete(Math.floor(next() * length), 1)
    else {
      const letter = LETTERS[Math.floor(next() * LETTERS.length)] ?? 'e'
      text.insert(Math.floor(next() * (length + 1)), letter)
    }
  }

  /** Bytes this client's socket has not yet handed to the network. */
  get buffered(): number {
    return (this.provider.ws as WebSocket | null)?.bufferedAmount ?? 0
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}

/**
 * Makes a history of `keystrokes` keystrokes in a room of a running Plenary server with real
 * clients: one official y-websocket provider per token, all typing in parallel at random places
 * of the text (one keystroke per transaction, as a person types), paced at `rate` per second in
 * all. Done once every client has every other's keystrokes, i.e. the server has stored and
 * relayed them all (it stores a keystroke before it broadcasts it).
 */
export async function makeHistory(options: HistoryOptions): Promise<History> {
  const room = options.room ?? 'ccm/text'
  const rate = options.rate ?? 1000
  const next = random(options.seed ?? 1)
  process.setMaxListeners(Math.max(process.getMaxListeners(), options.tokens.length + 10))
  const typists = options.tokens.map((token) => new HistoryTypist(options.wsUrl, room, token))
  try {
    await Promise.all(typists.map((t) => t.synced()))
    const start = performance.now()
    let typed = 0
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const due = Math.min(
          options.keystrokes,
          Math.floor(((performance.now() - start) * rate) / 1000),
        )
        while (typed < due) {
          const typist = typists[typed % typists.length]
          // A socket that cannot keep up waits: the offered load follows what the server takes.
          if (!typist || typist.buffered > 1_000_000) break
          typist.keystroke(next)
          typed++
        }
        if (typed < options.keystrokes) return
        clearInterval(timer)
        resolve()
      }, 5)
    })
    await converged(typists)
    const ms = performance.now() - start
    const stateBytes = Y.encodeStateAsUpdate(typists[0]?.doc ?? new Y.Doc()).byteLength
    return { keystrokes: typed, ms, stateBytes }
  } finally {
    typists.forEach((t) => t.destroy())
  }
}

// Until every client's document has every keystroke (equal state vectors), at most 5 minutes.
async function converged(typists: HistoryTypist[]): Promise<void> {
  const until = performance.now() + 300_000
  const same = () => {
    const vectors = typists.map((t) => Buffer.from(Y.encodeStateVector(t.doc)).toString('hex'))
    return vectors.every((v) => v === vectors[0])
  }
  while (!same()) {
    if (performance.now() > until) throw new Error('the typists never converged')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
