import { createRequire } from 'node:module'
import { Writable } from 'node:stream'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeAwarenessUpdate, type AwarenessEntry } from '../../server/src/collab/protocol'
import {
  WindowedOutbox,
  type Recipient,
  type WindowMessages,
} from '../../server/src/collab/WindowedOutbox'
import { binaryFrames } from '../../server/src/collab/wsFrames'
import { waitFor } from '../support/collabClient'

// ws's own frame parser, as a client's socket reads what the server writes.
const { Receiver } = createRequire(import.meta.url)('ws') as {
  Receiver: new (options: { isServer: boolean; maxPayload?: number }) => Writable
}

// A connection as the outbox sees it: it records each window's messages, sent together.
class Recorder implements Recipient {
  readonly windows: Uint8Array[][] = []
  readonly frames: Buffer[] = []
  sendWindow(window: WindowMessages): void {
    this.windows.push([...window.messages])
    this.frames.push(window.frames)
  }
}

// The update a sync message carries, or the entries a presence message carries.
const updateOf = (message: Uint8Array): Uint8Array => {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(0) // sync
  expect(decoding.readVarUint(decoder)).toBe(2) // update
  return decoding.readVarUint8Array(decoder)
}
const entriesOf = (message: Uint8Array): AwarenessEntry[] => {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(1) // awareness
  return decodeAwarenessUpdate(decoding.readVarUint8Array(decoder))
}
// The one window a recipient heard: an update message and a presence message.
const updateAndPresence = (r: Recorder): [Uint8Array, Uint8Array] => {
  expect(r.windows).toHaveLength(1)
  const [update, presence, ...more] = r.windows[0] ?? []
  if (!update || !presence || more.length > 0) throw new Error('not one update and one presence')
  return [update, presence]
}
// The client ids whose insertions an update carries.
const authorsOf = (update: Uint8Array): number[] => [
  ...new Set(Y.decodeUpdate(update).structs.map((s) => s.id.client)),
]

// A client typing into its own document; `typed` holds each keystroke's update.
function typist(seed: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, seed)
  const typed: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => typed.push(u))
  const type = (s: string) => {
    const text = doc.getText('t')
    text.insert(text.length, s)
    return typed.at(-1) as Uint8Array
  }
  return { doc, type }
}

describe('the windowed outbox', () => {
  const outboxes: WindowedOutbox<Recorder>[] = []
  afterEach(() => outboxes.splice(0).forEach((o) => o.destroy()))
  const outboxFor = (recipients: Recorder[]) => {
    const outbox = new WindowedOutbox(() => recipients, 10)
    outboxes.push(outbox)
    return outbox
  }

  it('sends one update and one presence message per connection per window, without own echoes', async () => {
    const server = new Y.Doc()
    server.getText('t').insert(0, 'start ')
    const seed = Y.encodeStateAsUpdate(server)
    const a = typist(seed)
    const b = typist(seed)
    const [ra, rb, reader] = [new Recorder(), new Recorder(), new Recorder()]
    const outbox = outboxFor([ra, rb, reader])

    const a1 = a.type('a1 ')
    const b1 = b.type('b1 ')
    const a2 = a.type('a2 ')
    outbox.update(a1, ra)
    outbox.update(b1, rb)
    outbox.update(a2, ra)
    outbox.presence([
      { clientId: 1, clock: 1, state: { cursor: 'first' } },
      { clientId: 2, clock: 1, state: { cursor: 'here' } },
    ])
    outbox.presence([{ clientId: 1, clock: 2, state: { cursor: 'latest' } }])
    // An older clock for the same client arrives late: the newer one stays.
    outbox.presence([{ clientId: 1, clock: 1, state: { cursor: 'stale' } }])
    outbox.presence([{ clientId: 2, clock: 2, state: null }])
    // Nothing leaves before the window closes.
    expect([ra, rb, reader].map((r) => r.windows.length)).toEqual([0, 0, 0])

    await waitFor('the window to go out', () => reader.windows.length > 0)
    const toA = updateAndPresence(ra)
    const toB = updateAndPresence(rb)
    const toReader = updateAndPresence(reader)
    // Nobody hears their own keystrokes; the reader hears everyone's.
    expect(authorsOf(updateOf(toA[0]))).toEqual([b.doc.clientID])
    expect(authorsOf(updateOf(toB[0]))).toEqual([a.doc.clientID])
    expect(authorsOf(updateOf(toReader[0])).sort()).toEqual([a.doc.clientID, b.doc.clientID].sort())
    // What each receives brings it to the same text as every keystroke applied in order.
    ;[a1, b1, a2].forEach((u) => Y.applyUpdate(server, u))
    Y.applyUpdate(a.doc, updateOf(toA[0]))
    Y.applyUpdate(b.doc, updateOf(toB[0]))
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, seed)
    Y.applyUpdate(fresh, updateOf(toReader[0]))
    for (const doc of [a.doc, b.doc, fresh])
      expect(doc.getText('t').toString()).toBe(server.getText('t').toString())
    expect(server.getText('t').toString()).toContain('a1 a2 ')

    // Presence: latest entry per client id, a removal as a null state; encoded once for all.
    expect(entriesOf(toReader[1])).toEqual([
      { clientId: 1, clock: 2, state: { cursor: 'latest' } },
      { clientId: 2, clock: 2, state: null },
    ])
    expect(toA[1]).toBe(toReader[1])
    expect(toB[1]).toBe(toReader[1])
  })

  it('sends a server change to everyone, the same message, and nothing to a sender of all', async () => {
    const server = new Y.Doc()
    const [writer, reader] = [new Recorder(), new Recorder()]
    const outbox = outboxFor([writer, reader])
    const updates: Uint8Array[] = []
    server.on('update', (u: Uint8Array) => updates.push(u))

    server.getText('t').insert(0, 'x')
    outbox.update(updates[0] as Uint8Array, writer)
    await waitFor('the first window', () => reader.windows.length === 1)
    // The writer sent everything of that window: it hears nothing.
    expect(writer.windows).toEqual([])

    server.getText('t').insert(1, 'y')
    outbox.update(updates[1] as Uint8Array)
    outbox.flush() // at once, as before the room closes its connections
    expect(reader.windows).toHaveLength(2)
    expect(writer.windows).toHaveLength(1)
    expect(writer.windows[0]?.[0]).toBe(reader.windows[1]?.[0])
    // Built once as websocket frames for both: FIN + binary, the length, the message.
    expect(writer.frames[0]).toBe(reader.frames[1])
    const message = reader.windows[1]?.[0] as Uint8Array
    expect([...(writer.frames[0] as Buffer)]).toEqual([0x82, message.length, ...message])

    // Once destroyed, nothing more is sent.
    outbox.destroy()
    outbox.update(updates[1] as Uint8Array)
    outbox.flush()
    expect(reader.windows).toHaveLength(2)
  })

  it('sends after a quiet spell at the end of the turn, and holds what follows for the window', async () => {
    const server = new Y.Doc()
    const reader = new Recorder()
    const outbox = new WindowedOutbox(() => [reader], 200)
    outboxes.push(outbox)
    const updates: Uint8Array[] = []
    server.on('update', (u: Uint8Array) => updates.push(u))
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

    // Two updates of one turn after idle: one message, in the next turn, no 200 ms wait.
    server.getText('t').insert(0, 'a')
    server.getText('t').insert(1, 'b')
    updates.forEach((u) => outbox.update(u))
    await nextTurn()
    expect(reader.windows).toHaveLength(1)

    // Within the window after that send, updates wait for its end and go out merged.
    server.getText('t').insert(2, 'c')
    outbox.update(updates[2] as Uint8Array)
    await nextTurn()
    server.getText('t').insert(3, 'd')
    outbox.update(updates[3] as Uint8Array)
    await nextTurn()
    expect(reader.windows).toHaveLength(1)
    await waitFor('the held window', () => reader.windows.length === 2)
    const client = new Y.Doc()
    reader.windows.forEach(([update]) => Y.applyUpdate(client, updateOf(update as Uint8Array)))
    expect(client.getText('t').toString()).toBe('abcd')
  })

  it('frames messages of every length so that ws reads back the same messages', async () => {
    const messages = [10, 125, 126, 300, 65535, 65536, 200_000].map((n) =>
      Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) % 256),
    )
    const receiver = new Receiver({ isServer: false })
    const read: Buffer[] = []
    receiver.on('message', (data: Buffer, isBinary: boolean) => {
      expect(isBinary).toBe(true)
      read.push(data)
    })
    await new Promise<void>((resolve, reject) =>
      receiver.write(binaryFrames(messages), (error) => (error ? reject(error) : resolve())),
    )
    expect(read.map((b) => b.length)).toEqual(messages.map((m) => m.length))
    read.forEach((b, i) => expect(b.equals(messages[i] as Uint8Array)).toBe(true))
  })
})
