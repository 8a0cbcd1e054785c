import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, tempDataDir, type TestServer } from '../support/startServer'

describe('serving the built client', () => {
  const clientDir = tempDataDir()
  let server: TestServer
  beforeAll(async () => {
    fs.mkdirSync(path.join(clientDir, 'assets'))
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Plenary</title>')
    fs.writeFileSync(path.join(clientDir, 'assets/app.js'), 'console.log(1)')
    server = await startServer({ clientDir })
  })
  afterAll(async () => {
    await server.dispose()
    fs.rmSync(clientDir, { recursive: true, force: true })
  })

  it.each(['/', '/negotiations/ccm/articles/art-7'])(
    'answers the app route %s with index.html',
    async (route) => {
      const res = await fetch(`${server.url}${route}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>Plenary</title>')
    },
  )

  it('serves assets, and a missing asset is a 404 rather than the app', async () => {
    expect(await (await fetch(`${server.url}/assets/app.js`)).text()).toBe('console.log(1)')
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404)
  })

  it('keeps /api JSON even with a client present', async () => {
    const { cookie } = await server.loginAs('admin')
    const res = await fetch(`${server.url}/api/negotiations/atlantis`, { headers: { cookie } })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'negotiation_not_found' } })
  })
})
