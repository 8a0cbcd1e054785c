import express, { type Express } from 'express'
import { authenticate, requireAdmin, requireAuth } from './auth/authenticate'
import { csrfGuard } from './auth/csrf'
import { MemoryLoginLimiter, type LoginLimiter } from './auth/LoginLimiter'
import { negotiationGate } from './auth/negotiationAccess'
import type { RoomRegistry } from './collab/rooms'
import type { TextEditTracker } from './history/TextEditTracker'
import { jsonBody } from './http/bodies'
import { apiNotFound, errorHandler } from './http/errors'
import { noStore, securityHeaders } from './http/securityHeaders'
import { staticClient } from './http/staticClient'
import type { TrustProxy } from './http/trustProxy'
import { annotationRoutes } from './routes/annotations'
import { articleRoutes } from './routes/articles'
import { exportRoutes, importJsonBody, negotiationJsonImportRoutes } from './routes/exports'
import { authRoutes } from './routes/auth'
import { documentRoutes } from './routes/documents'
import { groupRoutes } from './routes/groups'
import { healthRoutes } from './routes/health'
import { historyRoutes } from './routes/history'
import { importDocxRoute } from './routes/importDocx'
import { issueRoutes } from './routes/issues'
import { invitationLinkRoutes, negotiationInvitationRoutes } from './routes/invitations'
import { meRoutes } from './routes/me'
import { memberRoutes } from './routes/members'
import { negotiationImportRoutes, negotiationRoutes } from './routes/negotiations'
import { participantRoutes } from './routes/participants'
import { positionRoutes } from './routes/positions'
import { proposalRoutes } from './routes/proposals'
import { reportRoutes } from './routes/report'
import { roundImportRoutes } from './routes/roundImport'
import { roundRoutes } from './routes/rounds'
import { searchRoutes } from './routes/search'
import { sessionRoutes } from './routes/sessions'
import { stanceRoutes } from './routes/stances'
import { declarationRoutes } from './routes/declarations'
import { targetRoutes } from './routes/targets'
import { matrixRoutes } from './routes/matrix'
import { storageQueue } from './proposals/SerialQueue'
import type { Storage } from './storage/Storage'

const ADMIN_IMPORTS = 'Only an administrator imports negotiations.'

/** What the Express app needs. */
export interface AppDeps {
  storage: Storage
  registry: RoomRegistry
  /** The built client to serve; default dist/client. */
  clientDir?: string
  /** The origin browsers see (PUBLIC_ORIGIN), for the CSRF check; default: the Host header. */
  publicOrigin?: string
  /** Counts failed sign-ins; default: 10 per username, 30 per address, in 15 minutes. */
  limiter?: LoginLimiter
  /** Summaries of text edits, written out before a round closes. */
  edits?: TextEditTracker
  /** Which proxies' X-Forwarded-For/-Proto to believe (TRUST_PROXY); default: none. */
  trustProxy?: TrustProxy
  /** How long a session lasts (default 14 days). */
  sessionLifetimeMs?: number
}

/**
 * Builds the Express app: security headers; the REST API under /api, never cached, where every
 * request's session or API token is resolved first and cookie-authenticated writes must come
 * from our own pages, before any body is read (the 64 MB import's only for an administrator);
 * every /api/negotiations/:id route behind the membership gate; then the client.
 */
export function createApp(deps: AppDeps): Express {
  const { storage, registry, clientDir, publicOrigin, sessionLifetimeMs } = deps
  const limiter = deps.limiter ?? new MemoryLoginLimiter()
  const app = express()
  app.disable('x-powered-by')
  // Without it, X-Forwarded-For and X-Forwarded-Proto are ignored: anybody can send them.
  app.set('trust proxy', deps.trustProxy ?? false)
  app.use(securityHeaders(publicOrigin))
  app.use('/api', noStore)
  // Who is calling is known, and a forged write refused, before any body is read.
  app.use('/api', authenticate(storage))
  app.use('/api', csrfGuard(publicOrigin))
  app.post('/api/negotiations/import-json', requireAdmin(ADMIN_IMPORTS), importJsonBody)
  app.post('/api/negotiations/import.docx', requireAdmin(ADMIN_IMPORTS), importDocxRoute(storage))
  app.use('/api/negotiations', requireAuth)
  app.use('/api', jsonBody)
  app.use('/api', healthRoutes())
  app.use('/api', authRoutes({ storage, registry, limiter, publicOrigin, sessionLifetimeMs }))
  app.use('/api', meRoutes(storage, registry))
  app.use('/api', invitationLinkRoutes({ storage, registry, publicOrigin, sessionLifetimeMs }))
  app.use('/api', negotiationImportRoutes(storage))
  app.use('/api', negotiationJsonImportRoutes(storage))
  app.use('/api/negotiations/:id', negotiationGate(storage))
  app.use('/api', negotiationRoutes(storage))
  app.use('/api', articleRoutes(storage, registry))
  app.use('/api', memberRoutes(storage, registry))
  app.use('/api', negotiationInvitationRoutes(storage))
  app.use('/api', participantRoutes(storage))
  // The storage's lock per negotiation: a command waits for one running on any instance.
  const proposals = { storage, registry, queue: storageQueue(storage) }
  app.use('/api', groupRoutes(storage, registry, proposals.queue))
  app.use('/api', proposalRoutes(proposals))
  app.use('/api', positionRoutes(proposals))
  app.use('/api', roundImportRoutes({ ...proposals, edits: deps.edits }))
  app.use('/api', roundRoutes({ ...proposals, edits: deps.edits }))
  app.use('/api', historyRoutes(storage, registry))
  app.use('/api', exportRoutes({ storage, registry }))
  app.use('/api', reportRoutes(storage, registry))
  app.use('/api', documentRoutes(storage))
  app.use('/api', annotationRoutes({ storage, registry }))
  app.use('/api', searchRoutes(storage, registry))
  app.use('/api', stanceRoutes(storage))
  app.use('/api', declarationRoutes(storage))
  app.use('/api', targetRoutes(storage))
  app.use('/api', matrixRoutes(storage))
  app.use('/api', issueRoutes(proposals))
  app.use('/api', sessionRoutes({ ...proposals, edits: deps.edits }))
  app.use('/api', apiNotFound)
  const client = staticClient(clientDir)
  if (client) app.use(client)
  app.use(errorHandler)
  return app
}
