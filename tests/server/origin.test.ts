import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call, openRaw } from '../support/api'
import { connectClient } from '../support/collabClient'
import { startServer, type Session, type TestServer } from '../support/startServer'

const EVIL = 'https://evil.example'

describe('cross-site requests and websockets', () => {
  let server: TestServer
  let chair: Session
  beforeAll(async () => {
    server = await startServer()
    chair = await server.loginAs('chair')
  })
  afterAll(() => server.dispose())

  const addGroup = (headers: Record<string, string>, id: string) =>
    call(
      server.url,
      null,
      'POST',
      '/api/negotiations/ccm/groups',
      { id, name: `Group ${id}` },
      headers,
    )

  it('refuses a cookie-authenticated POST from another site, or that names no origin', async () => {
    const crossSite = await addGroup({ cookie: chair.cookie, origin: EVIL }, 'one')
    expect(crossSite).toMatchObject({ status: 403, body: { error: { code: 'csrf' } } })
    expect((await addGroup({ cookie: chair.cookie }, 'two')).status).toBe(403)
    const byReferer = { cookie: chair.cookie, referer: `${EVIL}/page` }
    expect((await addGroup(byReferer, 'three')).status).toBe(403)
    const groups = await call(server.url, chair, 'GET', '/api/negotiations/ccm/groups')
    // The demo's campaign groups only: none of the refused three was created.
    const campaign = groups.body.groups.filter((g: { kind: string }) => g.kind === 'campaign')
    expect(campaign.map((g: { id: string }) => g.id)).toEqual(['cmc', 'hrw'])
  })

  it('accepts it from our own pages, by Origin or Referer', async () => {
    expect((await addGroup(chair, 'four')).status).toBe(201)
    const byReferer = { cookie: chair.cookie, referer: `${server.url}/negotiations/ccm` }
    expect((await addGroup(byReferer, 'five')).status).toBe(201)
  })

  it('exempts API-token requests, which no browser sends by itself', async () => {
    const token = await server.tokenFor('chair')
    expect((await addGroup({ authorization: `Bearer ${token}` }, 'six')).status).toBe(201)
  })

  it('refuses a sign-in posted from another site', async () => {
    const answer = await call(
      server.url,
      null,
      'POST',
      '/api/auth/login',
      { username: 'chair', password: 'plenary-demo' },
      { origin: EVIL },
    )
    expect(answer.status).toBe(403)
  })

  it('refuses a cookie websocket from another site before any byte', async () => {
    const attempts: Record<string, string>[] = [
      { cookie: chair.cookie, origin: EVIL },
      { cookie: chair.cookie },
    ]
    for (const headers of attempts) {
      const raw = openRaw(`${server.wsUrl}/ccm/text`, headers)
      expect((await raw.closed).code).toBe(CloseCode.Forbidden)
      expect(raw.messages).toBe(0)
    }
    const own = connectClient(server.wsUrl, 'ccm/text', {}, chair)
    await own.synced()
    own.destroy()
  })

  it('sends security headers with a content security policy for the app', async () => {
    const res = await fetch(`${server.url}/api/health`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("connect-src 'self' ws: wss:")
    expect(csp).toContain("style-src 'self' 'unsafe-inline'")
    expect(csp).toContain("img-src 'self' data:")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })
})
