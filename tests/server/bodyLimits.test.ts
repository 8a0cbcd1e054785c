import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { memoryOf, postLargeBody, resetPeakMemory } from '../support/largeBodies'
import { spawnServer, type ServerProcess } from '../support/spawnServer'
import {
  DEMO_PASSWORD,
  TEST_ADMIN_PASSWORD,
  login,
  startServer,
  tempDataDir,
  type Session,
} from '../support/startServer'

const MB = 1024 * 1024

// Request bodies are read only for whoever may send them: the 64 MB JSON import reads nothing
// before its caller is known to be an administrator, and nobody reads past a limit.
describe('request bodies, read only after authentication', () => {
  let server: ServerProcess
  let dataDir: string
  let admin: Session
  let france: Session
  const pid = () => server.child.pid as number

  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await spawnServer(dataDir)
    admin = await login(server.url, 'admin', TEST_ADMIN_PASSWORD)
    france = await login(server.url, 'france', DEMO_PASSWORD)
  })
  afterAll(async () => {
    server.child.kill('SIGTERM')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('refuses a 60 MB import without a session with 401, closing instead of reading it', async () => {
    resetPeakMemory(pid())
    const before = memoryOf(pid()).peak
    const res = await postLargeBody(server.url, '/api/negotiations/import-json', 60 * MB)
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('unauthenticated')
    const growth = memoryOf(pid()).peak - before
    expect(growth, `peak RSS grew by ${(growth / MB).toFixed(1)} MB`).toBeLessThan(20 * MB)
    expect(res.headers.connection).toBe('close')
  })

  it("refuses a signed-in delegate's 60 MB import with 403, closing instead of reading it", async () => {
    resetPeakMemory(pid())
    const before = memoryOf(pid()).peak
    const res = await postLargeBody(server.url, '/api/negotiations/import-json', 60 * MB, {
      ...france,
    })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    const growth = memoryOf(pid()).peak - before
    expect(growth, `peak RSS grew by ${(growth / MB).toFixed(1)} MB`).toBeLessThan(20 * MB)
    expect(res.headers.connection).toBe('close')
  })

  it('refuses a body past the size limit of an anonymous call to any API route', async () => {
    resetPeakMemory(pid())
    const before = memoryOf(pid()).peak
    const res = await postLargeBody(server.url, '/api/negotiations/ccm/proposals', 60 * MB)
    expect(res.status).toBe(401)
    const login = await postLargeBody(server.url, '/api/auth/login', 60 * MB)
    expect(login.status).toBe(413)
    expect(login.body.error.code).toBe('payload_too_large')
    const growth = memoryOf(pid()).peak - before
    expect(growth, `peak RSS grew by ${(growth / MB).toFixed(1)} MB`).toBeLessThan(20 * MB)
  })

  it("answers an administrator's import over the limit with 413, declared or chunked", async () => {
    const declared = await postLargeBody(
      server.url,
      '/api/negotiations/import-json',
      70 * MB,
      admin,
    )
    expect(declared.status).toBe(413)
    expect(declared.body.error.code).toBe('payload_too_large')
    expect(declared.body.error.message).toMatch(/64 MB/)
    expect(declared.headers.connection).toBe('close')
    const chunked = await postLargeBody(
      server.url,
      '/api/negotiations/import-json',
      70 * MB,
      admin,
      {
        chunked: true,
      },
    )
    expect(chunked.status).toBe(413)
    expect(chunked.body.error.code).toBe('payload_too_large')
  })

  it("still imports an administrator's ordinary negotiation.json", async () => {
    const exported = await call(
      server.url,
      admin,
      'GET',
      '/api/negotiations/ccm/export/negotiation.json',
    )
    expect(exported.status).toBe(200)
    // Into a fresh instance: this one holds the records already.
    const fresh = await startServer({ demo: false })
    try {
      const res = await call(
        fresh.url,
        await fresh.loginAs('admin'),
        'POST',
        '/api/negotiations/import-json',
        exported.body,
      )
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.negotiation.id).toBe('ccm')
    } finally {
      await fresh.dispose()
    }
  })
})
