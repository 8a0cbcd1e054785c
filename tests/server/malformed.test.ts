import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CloseCode } from '../../shared/collab'
import { sqliteFile } from '../../server/src/storage/openStorage'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

// Every stored row of every room: log rows and snapshots (in the server's PostgreSQL schema when
// it runs on one, PLENARY_TEST_BACKEND=postgres).
const storedRows = async (server: TestServer): Promise<number> => {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM room_updates) + (SELECT count(*) FROM room_snapshots) AS n`,
      )
      return Number(rows[0]!.n)
    } finally {
      await client.end()
    }
  }
  const db = new Database(sqliteFile(server.dataDir), { readonly: true })
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    return count('room_updates') + count('room_snapshots')
  } finally {
    db.close()
  }
}

// A bare websocket that speaks whatever bytes a test gives it.
const rawClient = async (url: string) => {
  const ws = new WebSocket(url)
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  return { ws, closed }
}

// [messageSync, messageYjsUpdate, varUint8Array(update)]
const updateMessage = (update: number[]) => new Uint8Array([0, 2, update.length, ...update])

describe('a malformed message', () => {
  let server: TestServer
  let token: string
  const clients: CollabClient[] = []
  const textRoom = () => `${server.wsUrl}/ccm/text?token=${token}`
  beforeEach(async () => {
    server = await startServer()
    token = await server.tokenFor('chair')
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  const twoClients = async () => {
    const a = connectClient(server.wsUrl, 'ccm/text', { token })
    const b = connectClient(server.wsUrl, 'ccm/text', { token })
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    return [a, b] as const
  }

  it.each([
    ['an update Yjs cannot decode', updateMessage([0xff, 0xff, 0xff])],
    ['an unknown message type', new Uint8Array([7, 1, 2])],
    ['a truncated sync message', new Uint8Array([0, 2, 40, 1, 2])],
    ['a malformed state vector', new Uint8Array([0, 0, 3, 0xff, 0xff, 0xff])],
    ['a malformed awareness update', new Uint8Array([1, 3, 0xff, 0xff, 0xff])],
  ])('closes only that connection with 4422 on %s, and stores nothing', async (_, bytes) => {
    const [a, b] = await twoClients()
    const rows = await storedRows(server)
    const bad = await rawClient(textRoom())
    bad.ws.send(bytes)
    expect((await bad.closed).code).toBe(CloseCode.MalformedMessage)
    expect(await storedRows(server)).toBe(rows)

    clauseText(a.doc, 0, 0).insert(0, 'still working: ')
    await waitFor('b sees a', () => clauseText(b.doc, 0, 0).toString().startsWith('still working'))
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
  })

  it('refuses text frames with 4422', async () => {
    const bad = await rawClient(textRoom())
    bad.ws.send('hello')
    expect((await bad.closed).code).toBe(CloseCode.MalformedMessage)
  })

  it('keeps nothing of an update that failed half way, and the others resync', async () => {
    const [a, b] = await twoClients()
    const rows = await storedRows(server)
    const title = a.pmDoc().child(2).child(0).textContent
    const reset = a.nextClose()
    const bad = await rawClient(textRoom())
    // Decodes far enough to integrate one struct, then runs out of bytes.
    bad.ws.send(updateMessage([1, 1, 200, 1, 0, 0x28, 1, 1, 0x61, 0, 0]))
    expect((await bad.closed).code).toBe(CloseCode.MalformedMessage)
    expect(await storedRows(server)).toBe(rows)
    // The room dropped its tainted memory; clients hear a transient close and resync from disk.
    expect((await reset).code).toBe(CloseCode.StorageFailure)

    await waitFor('both reconnected', () => a.provider.synced && b.provider.synced)
    clauseText(a.doc, 0, 0).insert(0, 'after: ')
    await waitFor('b sees a', () => clauseText(b.doc, 0, 0).toString().startsWith('after: '))
    const c = connectClient(server.wsUrl, 'ccm/text', { token })
    clients.push(c)
    await c.synced()
    expect(c.pmDoc().toJSON()).toEqual(a.pmDoc().toJSON())
    expect(a.pmDoc().child(2).child(0).textContent).toBe(`after: ${title}`)
  })
})
