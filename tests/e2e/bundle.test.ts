import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'

// The e2e run builds the client first (`npm run test:e2e`); this reads what it wrote.
const CLIENT = path.resolve(import.meta.dirname, '../../dist/client')
/** The most the scripts index.html loads (its module script and modulepreloads) may weigh, brotli. */
const BUDGET = 180 * 1024

// The scripts a first visit loads before anything else: index.html's module scripts and the
// modules it preloads. Pages loaded on demand (React.lazy) are not among them.
function firstScripts(html: string): string[] {
  const urls = new Set<string>()
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /\bsrc="/.test(tag)
    const isPreload = /\brel="modulepreload"/.test(tag)
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if ((isScript || isPreload) && url) urls.add(url)
  }
  return [...urls]
}

describe('the client as index.html loads it', () => {
  it(`names at most ${BUDGET / 1024} KB of script, brotli-compressed`, () => {
    const html = fs.readFileSync(path.join(CLIENT, 'index.html'), 'utf8')
    const scripts = firstScripts(html)
    expect(scripts.length, 'index.html names no script: is dist/client built?').toBeGreaterThan(0)
    const sizes = scripts.map((url) => {
      const body = fs.readFileSync(path.join(CLIENT, url.replace(/^\//, '')))
      const br = zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length
      return { url, raw: body.length, br, gzip: zlib.gzipSync(body, { level: 9 }).length }
    })
    const total = sizes.reduce((sum, s) => sum + s.br, 0)
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
    const table = sizes
      .map((s) => `${s.url}: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.br)} brotli`)
      .join('\n')
    console.log(`${table}\ntotal ${kb(total)} brotli (budget ${kb(BUDGET)})`)
    expect(total, `scripts index.html loads, over budget:\n${table}`).toBeLessThanOrEqual(BUDGET)
  })

  it('has the service worker precache the pages loaded on demand, not the .br/.gz copies', () => {
    const sw = fs.readFileSync(path.join(CLIENT, 'sw.js'), 'utf8')
    const precached = new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]))
    const chunks = fs
      .readdirSync(path.join(CLIENT, 'assets'))
      .filter((f) => /\.(?:js|css)$/.test(f))
    expect(chunks.length).toBeGreaterThan(10)
    for (const chunk of chunks) expect(precached, chunk).toContain(`assets/${chunk}`)
    for (const url of precached) expect(url).not.toMatch(/\.(?:br|gz)$/)
    expect(fs.existsSync(path.join(CLIENT, 'index.html.br'))).toBe(true)
  })
})
