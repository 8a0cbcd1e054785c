import Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_ACK, TEXT_FRAGMENT, readAckCount } from '../../shared/collab'
import { SCHEMA_VERSION } from '../../shared/schema'
import { encodeSyncStep1, encodeUpdate } from '../../server/src/collab/protocol'
import { sqliteFile } from '../../server/src/storage/openStorage'
import { clauseText, waitFor } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

const ROOM = 'ccm/text'

// What a socket heard from the server: every message type, the acks' counts, sync step 2s.
interface Heard {
  types: number[]
  acks: number[]
  step2s: number
}
const hear = (heard: Heard, data: WebSocket.RawData) => {
  const bytes = Array.isArray(data) ? Buffer.concat(data) : new Uint8Array(data as ArrayBuffer)
  const decoder = decoding.createDecoder(bytes)
  const type = decoding.readVarUint(decoder)
  heard.types.push(type)
  if (type === MESSAGE_ACK) heard.acks.push(readAckCount(decoder))
  if (type === 0 && decoding.readVarUint(decoder) === 1) heard.step2s += 1
}
const nobodyHeard = (): Heard => ({ types: [], acks: [], step2s: 0 })

// Asks for the server's sync step 2 twice in a row. Acks go out on the server's next event-loop
// turn after the messages they count; the second answer leaves after that turn, so any ack for
// what was sent before `settle` has arrived (one socket keeps its order) once it returns.
async function settle(ws: { send(m: Uint8Array): void }, heard: Heard): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const before = heard.step2s
    ws.send(encodeSyncStep1(new Y.Doc()))
    await waitFor('the sync step 2 that answers', () => heard.step2s > before)
  }
}

// A bare websocket in the room: sends the bytes a test gives it, hears everything.
async function rawSocket(url: string) {
  const ws = new WebSocket(url)
  const heard = nobodyHeard()
  ws.on('message', (data) => hear(heard, data))
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  return { ws, heard, closed, settle: () => settle(ws, heard) }
}

// The room's text as stored now (snapshot and log), read straight from the database.
function storedClause(db: Database.Database, article: number, clause: number): string {
  const doc = new Y.Doc()
  db.transaction(() => {
    const snap = db
      .prepare('SELECT snapshot, upto_seq FROM room_snapshots WHERE room = ?')
      .get(ROOM) as { snapshot: Buffer; upto_seq: number } | undefined
    if (snap) Y.applyUpdate(doc, new Uint8Array(snap.snapshot))
    const rows = db
      .prepare('SELECT update_data FROM room_updates WHERE room = ? AND seq > ? ORDER BY seq')
      .all(ROOM, snap?.upto_seq ?? 0) as { update_data: Buffer }[]
    rows.forEach((r) => Y.applyUpdate(doc, new Uint8Array(r.update_data)))
  })()
  return clauseText(doc, article, clause).toString()
}

describe('durability acknowledgements', () => {
  const harness = useTestServer(['chair'])
  const providers: WebsocketProvider[] = []
  let db: Database.Database
  beforeAll(() => {
    db = new Database(sqliteFile(harness.server.dataDir), { readonly: true })
  })
  afterAll(() => db.close())

  // An official provider as `who`, with `params`, whose socket records what it hears and
  // notes the clause text each update-carrying message it sends carries.
  const provider = async (who: string, params: Record<string, string>) => {
    const heard = nobodyHeard()
    const carried: string[] = []
    const doc = new Y.Doc()
    const token = await harness.server.tokenFor(who)
    class Recording extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        this.on('message', (data) => hear(heard, data))
      }
      override send(data: Uint8Array, ...rest: unknown[]): void {
        if (data[0] === 0 && (data[1] === 1 || data[1] === 2))
          carried.push(
            doc.getXmlFragment(TEXT_FRAGMENT).length > 0 ? clauseText(doc, 0, 1).toString() : '',
          )
        super.send(data, ...(rest as []))
      }
    }
    const p = new WebsocketProvider(harness.server.wsUrl, ROOM, doc, {
      WebSocketPolyfill: Recording as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token, schema: String(SCHEMA_VERSION), ...params },
    })
    providers.push(p)
    // Acks are read by the test, not logged as unknown by the provider.
    p.messageHandlers[MESSAGE_ACK] = () => {}
    await new Promise<void>((resolve) => p.once('sync', () => resolve()))
    const closed = new Promise<number>((resolve) =>
      p.on('connection-close', (event) => event && resolve(event.code)),
    )
    return {
      doc,
      p,
      heard,
      carried,
      closed,
      settle: () => settle(p.ws as unknown as WebSocket, heard),
    }
  }
  const cleanUp = () => providers.splice(0).forEach((p) => p.destroy())

  it('acks every typed transaction, each only once what it carried is in the database', async () => {
    const a = await provider('chair', { ack: '1' })
    // Read at the moment each ack arrives: the database must already hold what it counts.
    const early: string[] = []
    a.p.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
      const count = readAckCount(decoder)
      const stored = storedClause(db, 0, 1)
      if (!stored.startsWith(a.carried[count - 1] ?? '\u0000')) early.push(`ack ${count}`)
    }
    const text = clauseText(a.doc, 0, 1)
    for (let i = 0; i < 30; i++) {
      text.insert(text.length, ` k${i}`)
      // Some keystrokes in bursts, some a turn apart.
      if (i % 3 === 2) await new Promise((resolve) => setTimeout(resolve, 0))
    }
    // The sync step 2 on connecting, then one update per transaction.
    expect(a.carried).toHaveLength(31)
    await waitFor('the last ack', () => a.heard.acks.at(-1) === 31)
    expect(early).toEqual([])
    expect(a.heard.acks).toEqual([...a.heard.acks].sort((x, y) => x - y))
    expect(storedClause(db, 0, 1)).toContain(' k0 k1 k2')
    expect(storedClause(db, 0, 1).endsWith(' k29')).toBe(true)

    // A burst handled in one turn is acknowledged once, with the latest count.
    const acksBefore = a.heard.acks.length
    for (let i = 0; i < 50; i++) text.insert(text.length, '.')
    await waitFor('the burst’s ack', () => a.heard.acks.at(-1) === 81)
    expect(a.heard.acks.length - acksBefore).toBeLessThan(5)
    cleanUp()
  })

  it('acks an update whose earlier part is missing only once that part arrived and was stored', async () => {
    const raw = await rawSocket(
      `${harness.server.wsUrl}/${ROOM}?token=${await harness.server.tokenFor('chair')}&ack=1`,
    )
    const reader = await provider('chair', {})
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc))
    const updates: Uint8Array[] = []
    copy.on('update', (u: Uint8Array) => updates.push(u))
    clauseText(copy, 1, 1).insert(0, 'FIRST ')
    clauseText(copy, 1, 1).insert(0, 'SECOND ')

    raw.ws.send(encodeUpdate(updates[1] as Uint8Array))
    await raw.settle()
    expect(raw.heard.acks).toEqual([])
    expect(storedClause(db, 1, 1)).not.toContain('SECOND')

    raw.ws.send(encodeUpdate(updates[0] as Uint8Array))
    await raw.settle()
    expect(raw.heard.acks).toEqual([2])
    expect(storedClause(db, 1, 1).startsWith('SECOND FIRST ')).toBe(true)

    // Past 32 waiting updates the socket is not acked again (the client's next socket is).
    const flood = await rawSocket(raw.ws.url)
    for (let i = 0; i < 40; i++) clauseText(copy, 1, 1).insert(0, `w${i} `)
    updates.slice(3).forEach((u) => flood.ws.send(encodeUpdate(u)))
    flood.ws.send(encodeUpdate(updates[2] as Uint8Array))
    await flood.settle()
    expect(storedClause(db, 1, 1).startsWith('w39 ')).toBe(true)
    expect(flood.heard.acks).toEqual([])
    raw.ws.close()
    flood.ws.close()
    cleanUp()
  })

  it('sends nothing new to a connection that did not ask: not one ack', async () => {
    const plain = await provider('chair', {})
    const text = clauseText(plain.doc, 0, 0)
    for (let i = 0; i < 10; i++) text.insert(0, 'p')
    await plain.settle()
    const raw = await rawSocket(
      `${harness.server.wsUrl}/${ROOM}?token=${await harness.server.tokenFor('chair')}&ack=0`,
    )
    raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(plain.doc)))
    await raw.settle()
    await waitFor('the edits are stored', () => storedClause(db, 0, 0).startsWith('pppppppppp'))
    // Sync (0) and presence (1) only, as before acks existed.
    const types = new Set([...plain.heard.types, ...raw.heard.types])
    expect([...types].filter((t) => t !== 0 && t !== 1)).toEqual([])
    expect(raw.heard.types.length).toBeGreaterThan(0)
    raw.ws.close()
    cleanUp()
  })

  it('never acks a read-only connection’s update, nor anything in its last turn', async () => {
    const observer = await provider('observer', { ack: '1' })
    // Its sync step 2 on connecting changed nothing, and is acknowledged.
    await waitFor('the ack of the sync step 2', () => observer.heard.acks.length === 1)
    clauseText(observer.doc, 0, 1).insert(0, 'OBSERVER ')
    expect(await observer.closed).toBe(CloseCode.ReadOnly)
    expect(observer.heard.acks).toEqual([1])

    const raw = await rawSocket(
      `${harness.server.wsUrl}/${ROOM}?token=${await harness.server.tokenFor('observer')}&ack=1`,
    )
    raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())))
    raw.ws.send(encodeUpdate(Y.encodeStateAsUpdate(observer.doc)))
    expect(await raw.closed).toBe(CloseCode.ReadOnly)
    expect(raw.heard.types).not.toContain(MESSAGE_ACK)
    expect(storedClause(db, 0, 1)).not.toContain('OBSERVER')
    cleanUp()
  })

  it('never acks a malformed message, nor anything in its last turn', async () => {
    const url = `${harness.server.wsUrl}/${ROOM}?token=${await harness.server.tokenFor('chair')}&ack=1`
    const empty = encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))
    const malformed = new Uint8Array([0, 2, 3, 0xff, 0xff, 0xff])
    const first = await rawSocket(url)
    first.ws.send(empty)
    await first.settle()
    expect(first.heard.acks).toEqual([1])
    first.ws.send(malformed)
    expect(await first.closed).toBe(CloseCode.MalformedMessage)
    expect(first.heard.acks).toEqual([1])

    const second = await rawSocket(url)
    second.ws.send(empty)
    second.ws.send(malformed)
    expect(await second.closed).toBe(CloseCode.MalformedMessage)
    expect(second.heard.types).not.toContain(MESSAGE_ACK)
  })
})
