import express, { type Express } from 'express'
import type { RoomRegistry } from './collab/rooms'
import { apiNotFound, errorHandler } from './http/errors'
import { staticClient } from './http/staticClient'
import { articleRoutes } from './routes/articles'
import { healthRoutes } from './routes/health'
import { negotiationRoutes } from './routes/negotiations'
import type { Storage } from './storage/Storage'

/** What the Express app needs. */
export interface AppDeps {
  storage: Storage
  registry: RoomRegistry
  /** The built client to serve; default dist/client. */
  clientDir?: string
}

/** Builds the Express app: the REST API under /api, and the built client for everything else. */
export function createApp({ storage, registry, clientDir }: AppDeps): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use('/api', express.json({ limit: '4mb' }))
  app.use('/api', healthRoutes())
  app.use('/api', negotiationRoutes(storage))
  app.use('/api', articleRoutes(storage, registry))
  app.use('/api', apiNotFound)
  const client = staticClient(clientDir)
  if (client) app.use(client)
  app.use(errorHandler)
  return app
}
