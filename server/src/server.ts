import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { createApp } from './app'
import { ensureAdmin } from './auth/bootstrap'
import type { LoginLimiter } from './auth/LoginLimiter'
import { startClusterServices, type ClusterServices } from './cluster/clusterServices'
import type { AccessDecider } from './collab/access'
import { policyAccess } from './collab/policyAccess'
import { RoomRegistry } from './collab/rooms'
import { RedisRoomBus } from './cluster/RedisRoomBus'
import { localRoomBus } from './cluster/RoomBus'
import { TextEditTracker } from './history/TextEditTracker'
import { createWebSocketServer } from './collab/socket'
import { createUpgradeHandler } from './collab/upgrade'
import type { TrustProxy } from './http/trustProxy'
import { loadDemoIfEmpty } from './negotiations/demo'
import { loadDemoAccounts } from './negotiations/demoAccounts'
import { freezeCirculatedTexts } from './numbering/freezeCirculated'
import { rebuildEmptyRegisters } from './proposals/register'
import { openStorage } from './storage/openStorage'
import { projectPath } from './paths'

/** How to start a server. */
export interface ServerOptions {
  /** 0 picks a free port. */
  port: number
  /** Folder of the database; created if missing. */
  dataDir: string
  /** Import the demo negotiation and its demo accounts when the database is empty (default true). */
  demo?: boolean
  /** The first start's admin password (ADMIN_PASSWORD); if absent, one is generated and printed once. */
  adminPassword?: string
  /** The origin browsers use (PUBLIC_ORIGIN), e.g. https://plenary.example.org; default: Host. */
  publicOrigin?: string
  /** Counts failed sign-ins (default: 10 per username, 30 per address, in 15 minutes). */
  loginLimiter?: LoginLimiter
  /** Compact a room's log past this many updates (default 1000). */
  compactAfter?: number
  /**
   * DATABASE_URL: PostgreSQL shared by every instance (schema from the URL's search_path,
   * `?options=-c%20search_path%3D<schema>`) instead of SQLite in the data folder.
   */
  databaseUrl?: string
  /** The built client to serve (default dist/client). */
  clientDir?: string
  /** Who may do what in a room (default: the permissions policy, by session or API token). */
  decideAccess?: AccessDecider
  /** Quiet time per author and article before their text edits become one event (20 s). */
  textEditQuietMs?: number
  /** Which proxies' X-Forwarded-For/-Proto to believe (TRUST_PROXY); default: none. */
  trustProxy?: TrustProxy
  /** How long a session lasts (default 14 days); its websockets close when it ends. */
  sessionLifetimeMs?: number
  /** REDIS_URL: instances serving the same storage share cuts and limits (and rooms) through it. */
  redisUrl?: string
  /** REDIS_PREFIX: of every Redis key and channel (default `plenary:`). */
  redisPrefix?: string
}

/** A running server. */
export interface RunningServer {
  /** http://localhost:<port> */
  url: string
  port: number
  /** Names of the rooms held in memory now (loaded on first join, unloaded after the last leaves). */
  loadedRooms(): string[]
  /** Stops accepting, closes every websocket, waits for queued writes, closes the database. */
  close(): Promise<void>
}

// 1001 "going away": y-websocket clients reconnect, to this server once it is back.
const GOING_AWAY = 1001

/** Starts Plenary: storage, REST, websocket sync, on one http server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const storage = await openStorage(path.resolve(options.dataDir), {
    compactAfter: options.compactAfter,
    databaseUrl: options.databaseUrl,
  })
  try {
    // Under the storage's lock: of two instances starting together, one loads the demo and the
    // other finds it loaded.
    await storage.exclusive('startup', async () => {
      await ensureAdmin(storage, options.adminPassword)
      if ((options.demo ?? true) && (await loadDemoIfEmpty(storage)))
        await loadDemoAccounts(storage)
      await rebuildEmptyRegisters(storage)
      // Schema 3: texts circulated before numbers could freeze are frozen once, before any room loads.
      await freezeCirculatedTexts(storage)
    })
  } catch (error) {
    await storage.close()
    throw error
  }
  const edits = new TextEditTracker(storage, { quietMs: options.textEditQuietMs })
  // With Redis and PostgreSQL, every instance on the database may hold any room: the bus keeps
  // them in step by the rooms' sequence numbers, which only PostgreSQL numbers contiguously (one
  // SQLite file serves one process, so there a bus would only ever wait for numbers never used).
  const bus =
    options.redisUrl && options.databaseUrl
      ? new RedisRoomBus({ url: options.redisUrl, prefix: options.redisPrefix })
      : localRoomBus
  const registry = new RoomRegistry(storage, undefined, edits, bus)
  let cluster: ClusterServices | undefined
  if (options.redisUrl) {
    try {
      cluster = await startClusterServices(registry, {
        url: options.redisUrl,
        prefix: options.redisPrefix,
        edits,
      })
    } catch (error) {
      await storage.close()
      throw error
    }
  }
  const wss = createWebSocketServer()
  const { publicOrigin } = options
  // Resolved from the project root, so that the compiled bundle (dist/server/) finds it too.
  const clientDir = options.clientDir ?? projectPath('dist/client')
  const app = createApp({
    storage,
    registry,
    clientDir,
    publicOrigin,
    limiter: options.loginLimiter ?? cluster?.limiter,
    edits,
    trustProxy: options.trustProxy,
    sessionLifetimeMs: options.sessionLifetimeMs,
  })
  const server = http.createServer(app)
  const decideAccess = options.decideAccess ?? policyAccess(storage, publicOrigin)
  const slots = cluster?.slots
  server.on('upgrade', createUpgradeHandler({ wss, storage, registry, decideAccess, slots }))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, () => resolve())
  })
  const { port } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      await registry.closeAll(GOING_AWAY, 'The server is shutting down.')
      // Unloading the rooms summarised their pending edits; store them before closing.
      await edits.drain()
      wss.clients.forEach((ws) => ws.terminate())
      server.closeAllConnections()
      await stopped
      await bus.close()
      await cluster?.close()
      await storage.close()
    })())
  return { url: `http://localhost:${port}`, port, loadedRooms: () => registry.loaded, close }
}
