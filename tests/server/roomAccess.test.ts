import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call, openRaw } from '../support/api'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type Session, type TestServer } from '../support/startServer'

const CCM = fs.readFileSync(new URL('../../fixtures/ccm-2008.txt', import.meta.url), 'utf8')

// Every byte of the database: the file and its write-ahead log (in PostgreSQL, when the server
// runs on it: every room's stored updates and snapshots).
const databaseBytes = async (server: TestServer): Promise<string> => {
  if (server.databaseUrl) {
    const client = new pg.Client({ connectionString: server.databaseUrl })
    await client.connect()
    try {
      const { rows } = await client.query<{ data: Buffer }>(
        'SELECT update_data AS data FROM room_updates UNION ALL SELECT snapshot FROM room_snapshots',
      )
      return rows.map((r) => r.data.toString('latin1')).join('')
    } finally {
      await client.end()
    }
  }
  return fs
    .readdirSync(server.dataDir)
    .filter((f) => f.startsWith('plenary.sqlite'))
    .map((f) => fs.readFileSync(path.join(server.dataDir, f)).toString('latin1'))
    .join('')
}

// A person who is a member of another negotiation only: an admin imports it and invites them.
async function memberElsewhere(server: TestServer): Promise<Session> {
  const admin = await server.loginAs('admin')
  const imported = await call(server.url, admin, 'POST', '/api/negotiations/import', {
    text: CCM,
    id: 'other',
  })
  expect(imported.status).toBe(201)
  const invited = await call(server.url, admin, 'POST', '/api/negotiations/other/invitations', {
    role: 'chair',
  })
  const token = invited.body.invitation.url.split('/').pop()
  const accepted = await call(server.url, null, 'POST', `/api/invitations/${token}/accept`, {
    username: 'outsider',
    displayName: 'Chair of another process',
    password: 'outsider-password',
  })
  expect(accepted.status).toBe(200)
  return server.loginAs('outsider', 'outsider-password')
}

describe('who may open which room', () => {
  let server: TestServer
  const clients: CollabClient[] = []
  const connect = async (username: string, room = 'ccm/text') => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(username) })
    clients.push(client)
    return client
  }
  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it("refuses an observer's edit: the others and the database never see it", async () => {
    const chair = await connect('chair')
    const observer = await connect('observer')
    await Promise.all([chair.synced(), observer.synced()])

    const refused = observer.nextClose()
    clauseText(observer.doc, 0, 1).insert(0, 'OBSERVER WAS HERE ')
    expect((await refused).code).toBe(CloseCode.ReadOnly)
    expect(observer.provider.shouldConnect).toBe(false)

    // The chair's later edit reaches a newcomer; the observer's never reached anyone.
    clauseText(chair.doc, 0, 1).insert(0, 'CHAIR AFTER ')
    const late = await connect('germany')
    await late.synced()
    await waitFor('the newcomer has the chair’s edit', () =>
      clauseText(late.doc, 0, 1).toString().startsWith('CHAIR AFTER '),
    )
    for (const c of [chair, late]) {
      expect(clauseText(c.doc, 0, 1).toString()).not.toContain('OBSERVER')
    }

    clients.splice(0).forEach((c) => c.destroy())
    server = await server.restart()
    expect(await databaseBytes(server)).toContain('CHAIR AFTER')
    expect(await databaseBytes(server)).not.toContain('OBSERVER WAS HERE')
    const reader = await connect('chair')
    await reader.synced()
    expect(clauseText(reader.doc, 0, 1).toString()).toMatch(/^CHAIR AFTER (?!OBSERVER)/)
  })

  it('sends not one byte to a websocket without a session, and closes it with 4401', async () => {
    for (const url of [`${server.wsUrl}/ccm/text`, `${server.wsUrl}/ccm/text?token=plt_nope`]) {
      const raw = openRaw(url)
      expect((await raw.closed).code).toBe(CloseCode.Unauthenticated)
      expect(raw.messages).toBe(0)
    }
  })

  it('sends not one byte to a member of another negotiation, by cookie or token', async () => {
    const outsider = await memberElsewhere(server)
    const byCookie = openRaw(`${server.wsUrl}/ccm/text`, outsider)
    expect((await byCookie.closed).code).toBe(CloseCode.Forbidden)
    expect(byCookie.messages).toBe(0)

    const { secret } = (await call(server.url, outsider, 'POST', '/api/me/tokens', { name: 'x' }))
      .body
    const byToken = openRaw(`${server.wsUrl}/ccm/text?token=${secret}`)
    expect((await byToken.closed).code).toBe(CloseCode.Forbidden)
    expect(byToken.messages).toBe(0)
    // Their own negotiation opens.
    const own = connectClient(server.wsUrl, 'other/text', { token: secret })
    clients.push(own)
    await own.synced()
  })

  it("keeps a campaign group's notes from another group, and from guessed names alike", async () => {
    const own = await connect('ana', 'ccm/notes/cmc')
    await own.synced()
    const token = await server.tokenFor('ana')
    const answers = []
    for (const room of ['ccm/notes/hrw', 'ccm/notes/xyz', 'ccm/draft/p1', 'atlantis/text']) {
      const raw = openRaw(`${server.wsUrl}/${room}?token=${token}`)
      answers.push({ ...(await raw.closed), messages: raw.messages })
    }
    const forbidden = answers[0]
    expect(forbidden).toMatchObject({ code: CloseCode.Forbidden, messages: 0 })
    // Whether the group or negotiation exists or not, the refusal is the same.
    expect(answers).toEqual([forbidden, forbidden, forbidden, forbidden])
    // Ben is in the same group and sees Ana's notes live.
    const ben = await connect('ben', 'ccm/notes/cmc')
    await ben.synced()
    own.doc.getMap('notes').set('n1', 'Austria: tricky on transition periods')
    await waitFor('ben sees ana’s note', () => ben.doc.getMap('notes').has('n1'))
  })

  it('lets the chair edit and a delegate only read the text', async () => {
    const chair = await connect('chair')
    const france = await connect('france')
    await Promise.all([chair.synced(), france.synced()])
    clauseText(chair.doc, 0, 1).insert(0, 'Agreed: ')
    await waitFor('france reads the chair', () =>
      clauseText(france.doc, 0, 1).toString().startsWith('Agreed: '),
    )
    const refused = france.nextClose()
    clauseText(france.doc, 0, 1).insert(0, 'France: ')
    expect((await refused).code).toBe(CloseCode.ReadOnly)
  })
})
