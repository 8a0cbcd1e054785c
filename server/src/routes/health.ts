import { Router } from 'express'
import { SCHEMA_VERSION } from '../../../shared/schema'

/** GET /api/health: the server is up, and which schema version it speaks. */
export function healthRoutes(): Router {
  const router = Router()
  router.get('/health', (_req, res) => {
    res.json({ ok: true, schemaVersion: SCHEMA_VERSION })
  })
  return router
}
