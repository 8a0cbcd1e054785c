import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call } from '../support/api'
import { connectClient } from '../support/collabClient'
import { DEMO_PASSWORD, startServer, type TestServer } from '../support/startServer'

describe('signing in and out', () => {
  let server: TestServer
  const login = (username: string, password: string) =>
    call(server.url, null, 'POST', '/api/auth/login', { username, password })
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.dispose())

  it('answers who is signed in, and sets an httpOnly SameSite session cookie', async () => {
    const answer = await login('france', DEMO_PASSWORD)
    expect(answer.status).toBe(200)
    expect(answer.body.me).toEqual({
      account: {
        id: expect.any(String),
        username: 'france',
        displayName: 'Delegate of France',
        isAdmin: false,
      },
      memberships: [
        {
          negotiationId: 'ccm',
          negotiationName: 'Convention on Cluster Munitions',
          role: 'delegate',
          actorId: 'FRA',
        },
      ],
    })
    const cookie = answer.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^plenary_session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).toMatch(/Max-Age=1209600/)
    // Plain http here; Secure is set when the request is https.
    expect(cookie).not.toMatch(/Secure/)
  })

  it('shows a campaigner their group by name', async () => {
    const { cookie, origin } = await server.loginAs('hana')
    const me = await call(server.url, { cookie, origin }, 'GET', '/api/me')
    expect(me.body.me.memberships[0]).toMatchObject({
      role: 'campaigner',
      groupId: 'hrw',
      groupName: 'Human Rights Watch',
    })
  })

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody', DEMO_PASSWORD)
    const wrong = await login('germany', 'not-the-password')
    expect(unknown.status).toBe(401)
    expect(wrong).toMatchObject({ status: unknown.status, body: unknown.body })
    expect(unknown.body.error.code).toBe('invalid_credentials')
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  it('answers 401 to /api/negotiations without a session, and /api/me with nobody', async () => {
    for (const path of ['/api/negotiations', '/api/negotiations/ccm']) {
      expect(await call(server.url, null, 'GET', path)).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthenticated' } },
      })
    }
    // "Who am I" is answered, not refused, so that a signed-out page logs no error.
    const forged = { cookie: 'plenary_session=forged', origin: server.url }
    for (const who of [null, forged]) {
      expect(await call(server.url, who, 'GET', '/api/me')).toMatchObject({
        status: 200,
        body: { me: null },
      })
    }
    // A refused API token is still an error: a script must learn that its token is bad.
    const badToken = { token: 'plt_not-a-token' }
    expect(await call(server.url, badToken, 'GET', '/api/me')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    })
  })

  it('rate-limits a username after ten wrong passwords, even the right one next', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect((await login('austria', `wrong-${i}`)).status).toBe(401)
    }
    const eleventh = await login('austria', DEMO_PASSWORD)
    expect(eleventh).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } })
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(eleventh.headers.get('set-cookie')).toBeNull()
    // Another username is not locked by it.
    expect((await login('germany', DEMO_PASSWORD)).status).toBe(200)
  })

  it('ends the session on logout and closes its websockets with 4401', async () => {
    const session = await server.loginAs('observer')
    const client = connectClient(server.wsUrl, 'ccm/text', {}, session)
    await client.synced()
    // A connection of the same person by API token is another credential: it stays.
    const byToken = connectClient(server.wsUrl, 'ccm/text', {
      token: await server.tokenFor('observer'),
    })
    await byToken.synced()

    const closed = client.nextClose()
    const out = await call(server.url, session, 'POST', '/api/auth/logout')
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/^plenary_session=; Max-Age=0/)
    expect((await closed).code).toBe(CloseCode.Unauthenticated)
    expect((await call(server.url, session, 'GET', '/api/me')).body).toEqual({ me: null })
    expect(byToken.provider.wsconnected).toBe(true)
    client.destroy()
    byToken.destroy()
  })
})
