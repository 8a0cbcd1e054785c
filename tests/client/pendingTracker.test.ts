import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import WsWebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { PendingTracker } from '../../client/src/offline/pendingTracker'
import { MESSAGE_ACK } from '../../shared/collab'
import { SCHEMA_VERSION } from '../../shared/schema'
import { clauseText, waitFor } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

const ROOM = 'ccm/text'

// The venue's wifi: a TCP relay in front of the server that can swallow what the server says
// (its acks are sent, and lost) and cut every connection without a closing handshake.
async function venueWifi(port: number) {
  let swallowing = false
  const swallowed: number[] = []
  const sockets: net.Socket[] = []
  const relay = net.createServer((client) => {
    const server = net.connect(port, 'localhost')
    sockets.push(client, server)
    client.on('data', (d) => server.write(d))
    server.on('data', (d) => (swallowing ? swallowed.push(...d) : client.write(d)))
    for (const s of [client, server]) {
      s.on('error', () => {})
      s.on('close', () => [client, server].forEach((o) => o.destroy()))
    }
  })
  await new Promise<void>((resolve) => relay.listen(0, 'localhost', resolve))
  const { port: relayPort } = relay.address() as net.AddressInfo
  return {
    url: `ws://localhost:${relayPort}/collab`,
    swallow: () => (swallowing = true),
    // Whether the relay swallowed an ack frame (binary, 2 bytes: type 100, count) past `count`.
    swallowedAckPast: (count: number) =>
      swallowed.some(
        (b, i) =>
          b === 0x82 &&
          swallowed[i + 1] === 2 &&
          swallowed[i + 2] === MESSAGE_ACK &&
          (swallowed[i + 3] ?? 0) > count,
      ),
    cut: () => {
      swallowing = false
      sockets.splice(0).forEach((s) => s.destroy())
    },
    close: () => {
      sockets.splice(0).forEach((s) => s.destroy())
      return new Promise((resolve) => relay.close(resolve))
    },
  }
}

describe('PendingTracker against the real server', () => {
  const harness = useTestServer(['chair'])
  const cleanUps: (() => unknown)[] = []
  afterEach(async () => {
    for (const clean of cleanUps.splice(0).reverse()) await clean()
  })

  // A page's room: its doc, tracker and official provider (through `wsUrl`), wired as the client
  // does; `history` records every count with the index of the socket current at that moment.
  const openRoom = async (initial = 0, wsUrl = harness.server.wsUrl) => {
    const doc = new Y.Doc()
    const tracker = new PendingTracker(initial)
    const sockets: WsWebSocket[] = []
    class Counted extends WsWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        sockets.push(this)
      }
    }
    const token = await harness.server.tokenFor('chair')
    // Listen first, so that a transaction is counted before the provider sends it (nothing is
    // typed before `p` exists; the server's updates come with the provider as their origin).
    doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== p) tracker.local()
    })
    const p = new WebsocketProvider(wsUrl, ROOM, doc, {
      WebSocketPolyfill: tracker.socketClass(Counted as unknown as typeof WebSocket),
      disableBc: true,
      params: {
        ack: '1',
        schema: String(SCHEMA_VERSION),
        token,
      },
    })
    tracker.install(p)
    // Every ack's count, read before the tracker reads it.
    const acks: number[] = []
    const trackerReads = p.messageHandlers[MESSAGE_ACK]
    p.messageHandlers[MESSAGE_ACK] = (encoder, decoder, ...rest) => {
      acks.push(decoding.peekVarUint(decoder))
      trackerReads?.(encoder, decoder, ...rest)
    }
    const history: { count: number; socket: number }[] = []
    tracker.onChange((count) =>
      history.push({ count, socket: sockets.indexOf(p.ws as unknown as WsWebSocket) }),
    )
    cleanUps.push(() => {
      p.destroy()
      doc.destroy()
    })
    const synced = new Promise<void>((resolve) => p.once('sync', () => resolve()))
    return { doc, tracker, provider: p, sockets, history, acks, synced }
  }

  const type = (doc: Y.Doc, words: string[]) =>
    words.forEach((w) => clauseText(doc, 0, 1).insert(0, w))
  // The counts after the highest one, e.g. after the edits made while cut off.
  const afterPeak = (history: { count: number; socket: number }[]) => {
    const peak = Math.max(...history.map((h) => h.count))
    return history.slice(history.findIndex((h) => h.count === peak) + 1)
  }
  const serverHas = async (text: string) => {
    const reader = await harness.connect('chair', ROOM)
    await waitFor(`the server has “${text}”`, () =>
      clauseText(reader.doc, 0, 1).toString().startsWith(text),
    )
  }

  it('counts local edits until the server acknowledges them', async () => {
    const room = await openRoom()
    await room.synced
    expect(room.tracker.count).toBe(0)
    type(room.doc, ['c ', 'b ', 'a '])
    expect(room.tracker.count).toBe(3)
    await waitFor('every edit acked', () => room.tracker.count === 0)
    expect(room.history.slice(0, 3).map((h) => h.count)).toEqual([1, 2, 3])
    expect(room.history.at(-1)?.count).toBe(0)
    await serverHas('a b c ')
  })

  it('keeps edits made while disconnected pending, and has them acked after reconnecting', async () => {
    const room = await openRoom()
    await room.synced
    // Cut mid-typing: the last two never left.
    type(room.doc, ['two ', 'one '])
    room.provider.disconnect()
    type(room.doc, ['four ', 'three '])
    expect(room.tracker.count).toBe(4)
    await waitFor('the socket closed', () => room.sockets[0]?.readyState === WsWebSocket.CLOSED)
    await serverHas('one two ')
    expect(room.tracker.count).toBe(4)

    room.provider.connect()
    await waitFor('every edit acked', () => room.tracker.count === 0)
    // Only the second socket's acks brought the count down.
    expect(afterPeak(room.history).map((h) => h.socket)).toContain(1)
    expect(afterPeak(room.history).every((h) => h.socket === 1)).toBe(true)
    await serverHas('three four one two ')
  })

  it('clears the changes counted before a reload once the first sync is acked', async () => {
    const room = await openRoom(3)
    expect(room.tracker.count).toBe(3)
    await room.synced
    await waitFor('the sync step 2 acked', () => room.tracker.count === 0)
    expect(room.history).toEqual([{ count: 0, socket: 0 }])
  })

  it('keeps edits whose acks the wifi lost pending until a new socket’s acks arrive', async () => {
    const wifi = await venueWifi(harness.server.port)
    cleanUps.push(wifi.close)
    const room = await openRoom(0, wifi.url)
    await room.synced
    await waitFor('the sync step 2 acked', () => room.acks.length > 0)

    // The server stores the edits and acks them; the acks never arrive.
    wifi.swallow()
    type(room.doc, ['CUT3 ', 'CUT2 ', 'CUT1 '])
    await serverHas('CUT1 CUT2 CUT3 ')
    await waitFor('an ack of the edits lost on the way', () => wifi.swallowedAckPast(1))
    expect(room.tracker.count).toBe(3)

    const closed = new Promise((resolve) => room.provider.once('connection-close', resolve))
    wifi.cut()
    await closed
    // Typed between the cut and the reconnection.
    type(room.doc, ['OFF '])
    expect(room.tracker.count).toBe(4)

    await waitFor('every edit acked', () => room.tracker.count === 0)
    expect(room.sockets.length).toBeGreaterThan(1)
    expect(afterPeak(room.history).length).toBeGreaterThan(0)
    expect(afterPeak(room.history).every((h) => h.socket > 0)).toBe(true)
    await serverHas('OFF CUT1 CUT2 CUT3 ')
  })
})
