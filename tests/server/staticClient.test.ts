import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, tempDataDir, type TestServer } from '../support/startServer'

// The service worker must update: its files, the manifest and index.html are asked for again.
describe('serving the service worker and the manifest', () => {
  const clientDir = tempDataDir()
  let server: TestServer
  beforeAll(async () => {
    fs.mkdirSync(path.join(clientDir, 'assets'))
    const files: Record<string, string> = {
      'index.html': '<!doctype html><title>Plenary</title>',
      'sw.js': 'self.addEventListener("fetch", () => {})',
      'workbox-9504f110.js': 'define([], () => {})',
      'registerSW.js': 'navigator.serviceWorker.register("/sw.js")',
      'manifest.webmanifest': '{"name":"Plenary"}',
      'assets/index-abc123.js': 'console.log(1)',
    }
    for (const [name, body] of Object.entries(files))
      fs.writeFileSync(path.join(clientDir, name), body)
    server = await startServer({ clientDir })
  })
  afterAll(async () => {
    await server.dispose()
    fs.rmSync(clientDir, { recursive: true, force: true })
  })

  it.each([
    '/sw.js',
    '/workbox-9504f110.js',
    '/registerSW.js',
    '/manifest.webmanifest',
    '/index.html',
    '/',
    '/n/ccm/text',
  ])('answers %s with Cache-Control: no-cache', async (route) => {
    const res = await fetch(`${server.url}${route}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
  })

  it('leaves hashed assets to the default caching', async () => {
    const res = await fetch(`${server.url}/assets/index-abc123.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).not.toBe('no-cache')
  })

  it('names the manifest application/manifest+json', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`)
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json\b/)
    expect(await res.json()).toEqual({ name: 'Plenary' })
  })

  it('lets the service worker and the manifest load under the content security policy', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? ''
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/)
        return [name, values] as const
      }),
    )
    // worker-src and manifest-src fall back to default-src (worker-src through script-src).
    expect(directives.get('default-src')).toEqual(["'self'"])
    for (const name of ['worker-src', 'manifest-src', 'child-src'])
      expect(directives.has(name)).toBe(false)
    expect(directives.get('script-src') ?? ["'self'"]).toContain("'self'")
  })
})
