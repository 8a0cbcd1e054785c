import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryLoginLimiter } from '../../server/src/auth/LoginLimiter'
import { parseTrustProxy } from '../../server/src/http/trustProxy'
import { call } from '../support/api'
import { startServer, type Session, type TestServer } from '../support/startServer'

const HTTPS = { 'x-forwarded-proto': 'https' }

// A wrong sign-in from `address` as a proxy would pass it on; answers the status.
const failLogin = async (server: TestServer, forwardedFor: string) =>
  (
    await call(
      server.url,
      null,
      'POST',
      '/api/auth/login',
      { username: 'france', password: 'wrong password' },
      { origin: server.url, 'x-forwarded-for': forwardedFor },
    )
  ).status

describe('over plain http, without TRUST_PROXY', () => {
  let server: TestServer
  let chair: Session
  beforeAll(async () => {
    server = await startServer()
    chair = await server.loginAs('chair')
  })
  afterAll(() => server.dispose())

  it('says no-store on answers, errors and exports alike', async () => {
    const answers = await Promise.all([
      call(server.url, chair, 'GET', '/api/negotiations'),
      call(server.url, null, 'GET', '/api/negotiations'),
      call(server.url, chair, 'GET', '/api/negotiations/nowhere'),
      fetch(`${server.url}/api/negotiations/ccm/export/text.html`, { headers: chair }),
    ])
    expect(answers.map((a) => a.status)).toEqual([200, 401, 403, 200])
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store')
  })

  it('sends no Strict-Transport-Security and no Secure cookie over http, even if told https', async () => {
    const page = await fetch(`${server.url}/api/health`, { headers: HTTPS })
    expect(page.headers.get('strict-transport-security')).toBeNull()
    const login = await call(
      server.url,
      null,
      'POST',
      '/api/auth/login',
      { username: 'chair', password: 'plenary-demo' },
      { origin: server.url, ...HTTPS },
    )
    expect(login.status).toBe(200)
    expect(login.headers.get('set-cookie')).not.toMatch(/Secure/)
  })
})

describe('without TRUST_PROXY, forwarded headers are ignored', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({ loginLimiter: new MemoryLoginLimiter({ perAddress: 3 }) })
  })
  afterAll(() => server.dispose())

  it('counts failed sign-ins by the real address, whatever X-Forwarded-For says', async () => {
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      expect(await failLogin(server, address)).toBe(401)
    }
    expect(await failLogin(server, '10.0.0.4')).toBe(429)
  })
})

describe('with TRUST_PROXY, the proxy says who and how', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer({
      loginLimiter: new MemoryLoginLimiter({ perAddress: 3 }),
      trustProxy: parseTrustProxy('loopback'),
    })
  })
  afterAll(() => server.dispose())

  it('counts failed sign-ins per forwarded address', async () => {
    for (let i = 0; i < 3; i++) expect(await failLogin(server, '10.0.0.1')).toBe(401)
    expect(await failLogin(server, '10.0.0.1')).toBe(429)
    expect(await failLogin(server, '10.0.0.2')).toBe(401)
  })

  it('sends Strict-Transport-Security and Secure cookies when the proxy says https', async () => {
    const plain = await fetch(`${server.url}/api/health`)
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const https = await fetch(`${server.url}/api/health`, { headers: HTTPS })
    expect(https.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    const login = await call(
      server.url,
      null,
      'POST',
      '/api/auth/login',
      { username: 'chair', password: 'plenary-demo' },
      { origin: server.url, ...HTTPS },
    )
    expect(login.status).toBe(200)
    expect(login.headers.get('set-cookie')).toMatch(/; Secure/)
  })
})

describe('with an https PUBLIC_ORIGIN', () => {
  it('sends Strict-Transport-Security', async () => {
    const server = await startServer({ publicOrigin: 'https://plenary.example.org' })
    try {
      const page = await fetch(`${server.url}/api/health`)
      expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    } finally {
      await server.dispose()
    }
  })
})

describe('TRUST_PROXY', () => {
  it('reads as Express takes it: nothing, a boolean, a hop count, or addresses', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined()
    expect(parseTrustProxy(' ')).toBeUndefined()
    expect(parseTrustProxy('true')).toBe(true)
    expect(parseTrustProxy('1')).toBe(1)
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8')
  })
})
