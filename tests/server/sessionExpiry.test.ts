import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call } from '../support/api'
import { connectClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

// Sessions that last three seconds, so that one ends while its websocket is open.
const LIFETIME_MS = 3000

describe('a session that expires', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ sessionLifetimeMs: LIFETIME_MS })
  })
  afterAll(() => server.dispose())

  it('closes the websockets it opened with 4401, and only those', async () => {
    const session = await server.loginAs('observer')
    const client = connectClient(server.wsUrl, 'ccm/text', {}, session)
    const closed = client.nextClose()
    await client.synced()
    // The same person by API token: a credential without an expiry, which stays.
    const byToken = connectClient(server.wsUrl, 'ccm/text', {
      token: await server.tokenFor('observer'),
    })
    await byToken.synced()

    // Resolves once the session has run out (within the 30 s test bound), not before.
    const { code, reason } = await closed
    expect(code).toBe(CloseCode.Unauthenticated)
    expect(reason).toMatch(/expired/)
    expect((await call(server.url, session, 'GET', '/api/me')).body).toEqual({ me: null })
    expect(byToken.provider.wsconnected).toBe(true)
    client.destroy()
    byToken.destroy()
  })

  it('gives the cookie the same lifetime as the session', async () => {
    const res = await call(
      server.url,
      null,
      'POST',
      '/api/auth/login',
      { username: 'observer', password: 'plenary-demo' },
      { origin: server.url },
    )
    expect(res.headers.get('set-cookie')).toMatch(`Max-Age=${LIFETIME_MS / 1000};`)
  })
})
