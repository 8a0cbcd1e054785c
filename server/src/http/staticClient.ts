import fs from 'node:fs'
import path from 'node:path'
import express, { type Router } from 'express'

/** The folder `vite build` writes the client to. */
export const CLIENT_DIR = path.resolve(import.meta.dirname, '../../../dist/client')

/** Serves the built client, and its index.html for any other GET (SPA routes); null if unbuilt. */
export function staticClient(dir: string = CLIENT_DIR): Router | null {
  const index = path.join(dir, 'index.html')
  if (!fs.existsSync(index)) return null
  const router = express.Router()
  router.use(express.static(dir, { index: false }))
  // App routes (no file extension) get the app; a missing asset stays a 404, not HTML.
  router.get('/{*path}', (req, res, next) => {
    if (path.extname(req.path) !== '') return next()
    res.sendFile(index)
  })
  return router
}
