import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clauseText, connectClient } from '../support/collabClient'
import { startServer, type Session, type TestServer } from '../support/startServer'

const CCM = fs.readFileSync(new URL('../../fixtures/ccm-2008.txt', import.meta.url), 'utf8')

describe('the REST API', () => {
  let server: TestServer
  // The administrator, who sees every negotiation and may import.
  let admin: Session
  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: admin })
    return { status: res.status, body: await res.json() }
  }
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }

  beforeAll(async () => {
    server = await startServer()
    admin = await server.loginAs('admin')
  })
  afterAll(() => server.dispose())

  it('reports health', async () => {
    expect(await get('/api/health')).toMatchObject({ status: 200, body: { ok: true } })
  })

  it('lists the demo negotiation and shows it', async () => {
    const list = await get('/api/negotiations')
    expect(list.body.negotiations).toEqual([{ id: 'ccm', name: 'Convention on Cluster Munitions' }])
    const one = await get('/api/negotiations/ccm')
    expect(one.body.negotiation).toMatchObject({
      id: 'ccm',
      name: 'Convention on Cluster Munitions',
      rooms: { text: 'ccm/text' },
    })
    // The Oslo Process conferences are the demo's rounds, in order.
    expect(one.body.negotiation.rounds.map((r: { place: string }) => r.place)).toEqual([
      'Oslo, Norway',
      'Lima, Peru',
      'Vienna, Austria',
      'Wellington, New Zealand',
      'Dublin, Ireland',
    ])
    expect(one.body.negotiation.rounds[2]).toMatchObject({
      id: 'vienna-2007',
      outcome: 'Vienna Discussion Text',
      verified: false,
    })
  })

  it('lists the 23 articles with number, label, id, title and what cleaning left', async () => {
    const { status, body } = await get('/api/negotiations/ccm/articles')
    expect(status).toBe(200)
    expect(body.articles).toHaveLength(23)
    expect(body.articles[1]).toEqual({
      number: 2,
      label: '2',
      id: 'art-2',
      title: 'Definitions',
      instrument: '',
      bracketed: false,
      brackets: 0,
      options: 0,
    })
    expect(body.articles[22]).toMatchObject({ number: 23, id: 'art-23' })
  })

  it('derives the articles from the live document', async () => {
    const client = connectClient(server.wsUrl, 'ccm/text', {
      token: await server.tokenFor('chair'),
    })
    await client.synced()
    clauseText(client.doc, 1, 0).insert(0, 'Agreed ')
    // The edit reaches the server asynchronously; ask until the outline shows it.
    let title = ''
    for (let tries = 0; tries < 200 && title !== 'Agreed Definitions'; tries += 1) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 10))
      title = (await get('/api/negotiations/ccm/articles')).body.articles[1].title
    }
    expect(title).toBe('Agreed Definitions')
    client.destroy()
  })

  it('answers unknown negotiations and endpoints with JSON 404s', async () => {
    expect(await get('/api/negotiations/atlantis')).toMatchObject({
      status: 404,
      body: { error: { code: 'negotiation_not_found' } },
    })
    expect((await get('/api/negotiations/atlantis/articles')).status).toBe(404)
    expect(await get('/api/nothing-here')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    })
  })

  it('imports a treaty and answers 201 with the negotiation', async () => {
    const { status, body } = await post('/api/negotiations/import', {
      text: CCM,
      name: 'CCM draft',
    })
    expect(status).toBe(201)
    expect(body.negotiation).toMatchObject({ id: 'ccm-draft', name: 'CCM draft' })
    expect((await get('/api/negotiations/ccm-draft/articles')).body.articles).toHaveLength(23)
    const again = await post('/api/negotiations/import', { text: CCM, name: 'CCM draft' })
    expect(again.body.negotiation.id).toBe('ccm-draft-2')
    const taken = await post('/api/negotiations/import', { text: CCM, id: 'ccm' })
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'id_taken' } } })
  })

  it('refuses a malformed treaty with its line, and creates nothing', async () => {
    const before = (await get('/api/negotiations')).body.negotiations
    const lines = CCM.split('\n')
    const at = lines.findIndex((l) => /^Article 5\s*$/.test(l))
    lines.splice(at + 1, 1, '') // Article 5 loses its title line
    const { status, body } = await post('/api/negotiations/import', {
      text: lines.join('\n'),
      name: 'Broken',
    })
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code: 'malformed_treaty', line: expect.any(Number) })
    expect(body.error.line).toBeGreaterThan(at)
    expect(body.error.message).toMatch(String(body.error.line))
    expect((await get('/api/negotiations')).body.negotiations).toEqual(before)
  })

  it('validates the request body', async () => {
    expect(await post('/api/negotiations/import', { name: 'no text' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request' } },
    })
    expect((await post('/api/negotiations/import', '{not json')).body.error.code).toBe(
      'bad_request',
    )
    expect(await post('/api/negotiations/import', { text: CCM, id: 'Not A Slug' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_id' } },
    })
  })
})
