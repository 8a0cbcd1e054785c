import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Caller } from '../support/api'
import { startServer, type TestServer } from '../support/startServer'

const CCM = fs.readFileSync(new URL('../../fixtures/ccm-2008.txt', import.meta.url), 'utf8')

describe('the REST API by membership', () => {
  let server: TestServer
  let admin: Caller
  beforeAll(async () => {
    server = await startServer()
    admin = await server.loginAs('admin')
    const imported = await call(server.url, admin, 'POST', '/api/negotiations/import', {
      text: CCM,
      id: 'ottawa',
      name: 'Ottawa review',
    })
    expect(imported.status).toBe(201)
  })
  afterAll(() => server.dispose())

  it("lists a member's negotiations only, and every one to an admin", async () => {
    const observer = await server.loginAs('observer')
    const mine = await call(server.url, observer, 'GET', '/api/negotiations')
    expect(mine.body.negotiations).toEqual([{ id: 'ccm', name: 'Convention on Cluster Munitions' }])
    const all = await call(server.url, admin, 'GET', '/api/negotiations')
    expect(all.body.negotiations.map((n: { id: string }) => n.id)).toEqual(['ccm', 'ottawa'])
  })

  it('shows a negotiation with the caller’s membership', async () => {
    const france = await server.loginAs('france')
    const one = await call(server.url, france, 'GET', '/api/negotiations/ccm')
    expect(one.body.negotiation).toMatchObject({
      id: 'ccm',
      membership: { role: 'delegate', actorId: 'FRA' },
      isAdmin: false,
    })
    const asAdmin = await call(server.url, admin, 'GET', '/api/negotiations/ottawa')
    expect(asAdmin.body.negotiation).toMatchObject({ membership: null, isAdmin: true })
  })

  it('answers a non-member 403, the same whether the negotiation exists or not', async () => {
    const ana = await server.loginAs('ana')
    const answers = await Promise.all(
      [
        '/api/negotiations/ottawa',
        '/api/negotiations/atlantis',
        '/api/negotiations/ottawa/articles',
      ].map((path) => call(server.url, ana, 'GET', path)),
    )
    for (const answer of answers) {
      expect(answer).toMatchObject({ status: 403, body: answers[0]?.body })
    }
    expect(answers[0]?.body.error.code).toBe('not_a_member')
    // An admin may know what does not exist.
    expect((await call(server.url, admin, 'GET', '/api/negotiations/atlantis')).status).toBe(404)
  })

  it('lets only an admin import a negotiation', async () => {
    const chair = await server.loginAs('chair')
    const tried = await call(server.url, chair, 'POST', '/api/negotiations/import', { text: CCM })
    expect(tried).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    expect(
      (await call(server.url, null, 'POST', '/api/negotiations/import', { text: CCM })).status,
    ).toBe(401)
  })

  it('refuses a delegate of France who acts for Germany (403), not for France', async () => {
    const france: Caller = { token: await server.tokenFor('france') }
    const record = (actor: string) =>
      call(
        server.url,
        france,
        'PUT',
        `/api/negotiations/ccm/participants/${actor}/rounds/vienna-2007`,
        {
          attended: true,
        },
      )
    const asGermany = await record('DEU')
    expect(asGermany).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    expect(asGermany.body.error.message).toMatch(/FRA.*DEU/)
    expect((await record('FRA')).status).toBe(200)
  })

  it('works with an API token as a bearer, and not with a revoked one', async () => {
    const observer = await server.loginAs('observer')
    const made = await call(server.url, observer, 'POST', '/api/me/tokens', { name: 'my script' })
    expect(made).toMatchObject({
      status: 201,
      body: {
        token: { id: expect.any(String), name: 'my script' },
        secret: expect.stringMatching(/^plt_/),
      },
    })
    const bearer: Caller = { token: made.body.secret }
    expect((await call(server.url, bearer, 'GET', '/api/negotiations/ccm/articles')).status).toBe(
      200,
    )
    const listed = await call(server.url, observer, 'GET', '/api/me/tokens')
    expect(listed.body.tokens).toEqual([
      expect.objectContaining({ id: made.body.token.id, name: 'my script' }),
    ])
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret)
    const id = made.body.token.id
    expect((await call(server.url, observer, 'DELETE', `/api/me/tokens/${id}`)).status).toBe(204)
    expect((await call(server.url, bearer, 'GET', '/api/me')).status).toBe(401)
  })
})
