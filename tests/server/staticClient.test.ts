import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
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

  it('keeps hashed assets for a year, never asking again', async () => {
    const res = await fetch(`${server.url}/assets/index-abc123.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
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

// A GET with the Accept-Encoding given (fetch would add its own and decode the body itself).
function rawGet(url: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          )
        })
        .on('error', reject)
    },
  )
}

// The build writes .br and .gz copies beside each compressible file (vite.config.ts).
describe('serving the precompressed copies', () => {
  const clientDir = tempDataDir()
  const script = 'export const words = "' + 'shall not apply '.repeat(200) + '"\n'
  const page = '<!doctype html><title>Plenary</title>' + '<p>synthetic</p>'.repeat(100)
  let server: TestServer
  beforeAll(async () => {
    fs.mkdirSync(path.join(clientDir, 'assets'))
    const files: Record<string, string> = {
      'index.html': page,
      'sw.js': 'self.addEventListener("fetch", () => {})',
      'assets/index-Ab12_cD3.js': script,
      'assets/only-gzip-Xy98zZ01.js': script,
      'assets/plain-Qw12Er34.js': script,
      'assets/index-Ab12_cD3.css': 'p { color: red }',
    }
    for (const [name, body] of Object.entries(files)) {
      const file = path.join(clientDir, name)
      fs.writeFileSync(file, body)
      if (name.includes('plain-') || name.endsWith('.css')) continue
      fs.writeFileSync(file + '.gz', zlib.gzipSync(body))
      if (!name.includes('only-gzip')) fs.writeFileSync(file + '.br', zlib.brotliCompressSync(body))
    }
    server = await startServer({ clientDir })
  })
  afterAll(async () => {
    await server.dispose()
    fs.rmSync(clientDir, { recursive: true, force: true })
  })

  it('sends the brotli copy to a browser that takes br, immutable under /assets/', async () => {
    const res = await rawGet(`${server.url}/assets/index-Ab12_cD3.js`, 'gzip, deflate, br, zstd')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(res.headers['vary']).toMatch(/accept-encoding/i)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(script.length / 4)
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script)
  })

  it('sends the gzip copy when br is not taken (or refused with q=0)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8', 'gzip, deflate']) {
      const res = await rawGet(`${server.url}/assets/index-Ab12_cD3.js`, accept)
      expect(res.headers['content-encoding'], accept).toBe('gzip')
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(res.headers['vary']).toMatch(/accept-encoding/i)
      expect(zlib.gunzipSync(res.body).toString()).toBe(script)
    }
    const onlyGzip = await rawGet(`${server.url}/assets/only-gzip-Xy98zZ01.js`, 'br, gzip')
    expect(onlyGzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(onlyGzip.body).toString()).toBe(script)
  })

  it('sends the file as it is without Accept-Encoding, or with no copy written', async () => {
    for (const [route, accept] of [
      ['/assets/index-Ab12_cD3.js', undefined],
      ['/assets/index-Ab12_cD3.js', 'identity'],
      ['/assets/index-Ab12_cD3.js', 'br;q=0, gzip;q=0'],
      ['/assets/plain-Qw12Er34.js', 'br, gzip'],
    ] as const) {
      const res = await rawGet(`${server.url}${route}`, accept)
      expect(res.status).toBe(200)
      expect(res.headers['content-encoding'], `${route} ${accept}`).toBeUndefined()
      expect(res.headers['content-type']).toMatch(/^text\/javascript\b/)
      expect(res.headers['vary']).toMatch(/accept-encoding/i)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.body.toString()).toBe(script)
    }
    const css = await rawGet(`${server.url}/assets/index-Ab12_cD3.css`, 'br')
    expect(css.headers['content-type']).toMatch(/^text\/css\b/)
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('sends index.html compressed and revalidated, for the app routes too', async () => {
    for (const route of ['/', '/index.html', '/n/ccm/history']) {
      const res = await rawGet(`${server.url}${route}`, 'br')
      expect(res.status, route).toBe(200)
      expect(res.headers['content-encoding'], route).toBe('br')
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['cache-control']).toBe('no-cache')
      expect(zlib.brotliDecompressSync(res.body).toString()).toBe(page)
    }
    const sw = await rawGet(`${server.url}/sw.js`, 'gzip')
    expect(sw.headers['content-encoding']).toBe('gzip')
    expect(sw.headers['cache-control']).toBe('no-cache')
  })

  it('keeps a missing asset a 404, and the copies out of reach of dotfiles and ..', async () => {
    for (const route of ['/assets/missing-Zz99Yy88.js', '/assets/index-Ab12_cD3.js.map']) {
      const res = await rawGet(`${server.url}${route}`, 'br, gzip')
      expect(res.status, route).toBe(404)
      expect(res.headers['content-encoding']).toBeUndefined()
    }
    const escape = await rawGet(`${server.url}/assets/%2e%2e/%2e%2e/etc/passwd.js`, 'br, gzip')
    expect(escape.status).toBe(404)
  })
})
