import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ApiAnswer } from '../support/api'
import { connectClient, type CollabClient } from '../support/collabClient'
import { anchorOn, apiAs, wordingOf } from '../support/proposals'
import { startServer, type Session, type TestServer } from '../support/startServer'

// The wording typed in the propose dialog is where the draft room starts; it is bounded and
// gives nobody a way around who may propose.
describe('creating a draft with the wording typed when proposing', () => {
  let server: TestServer
  let api: (who: string, method: string, path: string, body?: unknown) => Promise<ApiAnswer>
  const as: Record<string, Session> = {}
  const clients: CollabClient[] = []
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    await client.synced()
    return client
  }

  beforeAll(async () => {
    server = await startServer()
    for (const who of ['germany', 'observer']) as[who] = await server.loginAs(who)
    const call = apiAs(server.url)
    api = (who, method, path, body) => call(as[who] ?? null, method, path, body)
  })
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()))
  afterAll(() => server.dispose())

  const create = async (who: string, wording: unknown) => {
    const text = await connect('germany', 'ccm/text')
    return api(who, 'POST', '/proposals', {
      params: { kind: 'replacement' },
      title: 'Weight threshold',
      articleId: 'art-2',
      anchor: anchorOn(text.doc, 'art-2', 'each weighing less than 20 kilograms'),
      wording,
    })
  }

  it('starts the draft room from the typed wording, a clause a line', async () => {
    const created = await create(
      'germany',
      '  each weighing less than 10 kilograms;\r\n\nand no more\n',
    )
    expect(created.status).toBe(201)
    const draft = await connect('germany', `ccm/draft/${created.body.proposal.id}`)
    const clauses: string[] = []
    wordingOf(draft.doc).forEach((clause) => clauses.push(clause.textContent))
    expect(clauses).toEqual(['each weighing less than 10 kilograms;', 'and no more'])
    // The anchor still names the words it amends.
    expect(created.body.proposal.anchorText).toBe('each weighing less than 20 kilograms')
  })

  it('refuses a wording past its bounds, and anyone who may not propose', async () => {
    const long = await create('germany', 'x'.repeat(20_001))
    expect([long.status, long.body.error.code]).toEqual([400, 'invalid_request'])
    const lines = await create('germany', 'a\n'.repeat(500))
    expect([lines.status, lines.body.error.code]).toEqual([400, 'invalid_request'])
    const wrongType = await create('germany', ['a clause'])
    expect(wrongType.status).toBe(400)
    const observer = await create('observer', 'each weighing less than 10 kilograms')
    expect(observer.status).toBe(403)
  })
})
