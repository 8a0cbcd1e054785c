import fs from 'node:fs'
import path from 'node:path'
import express, { type Request, type Response, type Router } from 'express'

/** The folder `vite build` writes the client to. */
export const CLIENT_DIR = path.resolve(import.meta.dirname, '../../../dist/client')

/**
 * Files a browser must ask us about again before using a kept copy: the service worker and its
 * helpers (or a new version of the app would never reach the browser), the web app manifest,
 * and index.html, which names the current assets. The assets themselves carry a hash.
 */
export const REVALIDATED =
  /^(?:sw\.js|workbox-[\w-]+\.js|registerSW\.js|manifest\.webmanifest|index\.html)$/

/** How long a browser keeps a hashed asset without asking: a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

/** The types of the files the build writes .br and .gz copies of (vite.config.ts). */
export const COMPRESSIBLE: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
}

// The encodings we keep copies in, best first, with the suffix of the copy.
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

/** The encodings an Accept-Encoding header allows (q > 0), by name; `*` stands for any other. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>()
  const refused = new Set<string>()
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (q !== undefined && Number(q) === 0) refused.add(name)
    else accepted.add(name)
  }
  if (accepted.has('*'))
    for (const { name } of ENCODINGS) if (!refused.has(name)) accepted.add(name)
  return accepted
}

// Caching by where the file is: the service worker's files and index.html are asked for again,
// everything under /assets/ (Vite names each of them by its content's hash) is kept for a year.
function cacheFor(res: Response, urlPath: string) {
  if (REVALIDATED.test(path.posix.basename(urlPath))) res.setHeader('Cache-Control', 'no-cache')
  else if (urlPath.startsWith('/assets/')) res.setHeader('Cache-Control', IMMUTABLE)
}

// The file a request path names inside dir, or null if it leaves dir or names a dotfile.
function fileOf(dir: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.split('/').some((s) => s.startsWith('.'))) return null
  const file = path.join(dir, decoded)
  return file.startsWith(dir + path.sep) ? file : null
}

const isFile = (file: string) =>
  fs.promises.stat(file).then(
    (s) => s.isFile(),
    () => false,
  )

/**
 * Sends a compressible file's .br (else .gz) copy when the browser takes that encoding and the
 * build wrote one; false when it did not (the caller then sends the file as it is).
 */
async function sendEncoded(req: Request, res: Response, file: string, urlPath: string) {
  const type = COMPRESSIBLE[path.extname(file)]
  if (!type) return false
  // Whatever is sent, a cache must key it by the encodings asked for.
  res.vary('Accept-Encoding')
  const accepted = acceptedEncodings(req.headers['accept-encoding'])
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name) || !(await isFile(file + suffix))) continue
    res.setHeader('Content-Type', type)
    res.setHeader('Content-Encoding', name)
    cacheFor(res, urlPath)
    await new Promise<void>((resolve, reject) =>
      res.sendFile(file + suffix, (err) => (err ? reject(err) : resolve())),
    )
    return true
  }
  return false
}

/**
 * Serves the built client, and its index.html for any other GET (SPA routes); null if unbuilt.
 * Compressible files go out as the brotli or gzip copy the build wrote beside them when the
 * browser accepts it; hashed assets are cached for a year, the service worker's files revalidated.
 */
export function staticClient(dir: string = CLIENT_DIR): Router | null {
  const root = path.resolve(dir)
  const index = path.join(root, 'index.html')
  if (!fs.existsSync(index)) return null
  const router = express.Router()
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const file = fileOf(root, req.path)
    if (!file || !COMPRESSIBLE[path.extname(file)]) return next()
    isFile(file)
      .then((exists) => (exists ? sendEncoded(req, res, file, req.path) : false))
      .then((sent) => !sent && next(), next)
  })
  // `send` names .webmanifest application/manifest+json already; said here so it stays so.
  router.use(
    express.static(root, {
      index: false,
      setHeaders: (res, file) => {
        cacheFor(res, '/' + path.relative(root, file).split(path.sep).join('/'))
        if (file.endsWith('.webmanifest'))
          res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8')
      },
    }),
  )
  // App routes (no file extension) get the app; a missing asset stays a 404, not HTML.
  router.get('/{*path}', (req, res, next) => {
    if (path.extname(req.path) !== '') return next()
    res.setHeader('Cache-Control', 'no-cache')
    sendEncoded(req, res, index, '/index.html')
      .then((sent) => !sent && res.sendFile(index))
      .catch(next)
  })
  return router
}
