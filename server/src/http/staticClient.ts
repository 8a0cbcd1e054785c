import fs from 'node:fs'
import path from 'node:path'
import express, { type Response, type Router } from 'express'

/** The folder `vite build` writes the client to. */
export const CLIENT_DIR = path.resolve(import.meta.dirname, '../../../dist/client')

/**
 * Files a browser must ask us about again before using a kept copy: the service worker and its
 * helpers (or a new version of the app would never reach the browser), the web app manifest,
 * and index.html, which names the current assets. The assets themselves carry a hash.
 */
export const REVALIDATED =
  /^(?:sw\.js|workbox-[\w-]+\.js|registerSW\.js|manifest\.webmanifest|index\.html)$/

function revalidate(res: Response, file: string) {
  if (REVALIDATED.test(path.basename(file))) res.setHeader('Cache-Control', 'no-cache')
}

/** Serves the built client, and its index.html for any other GET (SPA routes); null if unbuilt. */
export function staticClient(dir: string = CLIENT_DIR): Router | null {
  const index = path.join(dir, 'index.html')
  if (!fs.existsSync(index)) return null
  const router = express.Router()
  // `send` names .webmanifest application/manifest+json already; said here so it stays so.
  router.use(
    express.static(dir, {
      index: false,
      setHeaders: (res, file) => {
        revalidate(res, file)
        if (file.endsWith('.webmanifest'))
          res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8')
      },
    }),
  )
  // App routes (no file extension) get the app; a missing asset stays a 404, not HTML.
  router.get('/{*path}', (req, res, next) => {
    if (path.extname(req.path) !== '') return next()
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
  return router
}
