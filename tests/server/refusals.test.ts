import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CloseCode } from '../../shared/collab'
import { SCHEMA_VERSION } from '../../shared/schema'
import { MAX_MESSAGE_BYTES } from '../../server/src/collab/socket'
import { clauseText, connectClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

// Opens a websocket and resolves with how the server closed it.
const closeOf = (url: string, send?: Uint8Array) =>
  new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.on('open', () => send && ws.send(send))
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    ws.on('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED) reject(error)
    })
  })

describe('refusals at the websocket', () => {
  let server: TestServer
  // An admin may open any negotiation's text, so an unknown one is plainly NotFound.
  let token: string
  beforeAll(async () => {
    server = await startServer()
    token = await server.tokenFor('admin')
  })
  afterAll(() => server.dispose())

  it.each([
    ['a name that is not a room', 'ccm/nonsense', CloseCode.BadRoom],
    ['a room kind without its key', 'ccm/draft', CloseCode.BadRoom],
    ['an invalid negotiation id', 'CCM!/text', CloseCode.BadRoom],
    ['an empty room name', '', CloseCode.BadRoom],
    ['an unknown negotiation', 'atlantis/text', CloseCode.NotFound],
  ])('refuses %s with its named code', async (_, room, code) => {
    expect((await closeOf(`${server.wsUrl}/${room}?token=${token}`)).code).toBe(code)
  })

  it('refuses an outdated schema and tells the client to reload', async () => {
    const { code, reason } = await closeOf(
      `${server.wsUrl}/ccm/text?schema=${SCHEMA_VERSION - 1}&token=${token}`,
    )
    expect(code).toBe(CloseCode.SchemaOutdated)
    expect(reason).toMatch(/reload/i)
  })

  it('accepts the current schema version', async () => {
    const client = connectClient(server.wsUrl, 'ccm/text', {
      schema: String(SCHEMA_VERSION),
      token,
    })
    await client.synced()
    client.destroy()
  })

  it('stops a y-websocket provider from retrying after a refusal', async () => {
    const client = connectClient(server.wsUrl, 'atlantis/text', { token })
    const closed = await new Promise<{ code: number }>((resolve) =>
      client.provider.on('closed', (event) => resolve(event)),
    )
    expect(closed.code).toBe(CloseCode.NotFound)
    expect(client.provider.shouldConnect).toBe(false)
    client.destroy()
  })

  it('refuses a message over 1 MiB with MessageTooLarge', async () => {
    const big = new Uint8Array(MAX_MESSAGE_BYTES + 1)
    expect((await closeOf(`${server.wsUrl}/ccm/text?token=${token}`, big)).code).toBe(
      CloseCode.MessageTooLarge,
    )
  })

  it('stops a provider whose edit is over 1 MiB, keeping nothing of it', async () => {
    const client = connectClient(server.wsUrl, 'ccm/text', { token })
    await client.synced()
    const closed = new Promise<{ code: number }>((resolve) =>
      client.provider.on('closed', (event) => resolve(event)),
    )
    clauseText(client.doc, 0, 1).insert(0, 'x'.repeat(MAX_MESSAGE_BYTES + 10))
    expect((await closed).code).toBe(CloseCode.MessageTooLarge)
    client.destroy()
    const reader = connectClient(server.wsUrl, 'ccm/text', { token })
    await reader.synced()
    expect(clauseText(reader.doc, 0, 1).toString()).not.toMatch(/^x/)
    reader.destroy()
  })

  it('answers other upgrade paths with 404', async () => {
    const error = await new Promise<Error>((resolve) => {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`)
      ws.on('error', resolve)
    })
    expect(error.message).toMatch(/404/)
  })
})
