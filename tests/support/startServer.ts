import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLAB_PATH } from '../../shared/collab'
import {
  startServer as start,
  type RunningServer,
  type ServerOptions,
} from '../../server/src/server'
import { openStorage } from '../../server/src/storage/openStorage'
import { freshPgSchema, type PgSchema } from './pgSchema'

/** The admin password test servers start with (so that none is generated and printed). */
export const TEST_ADMIN_PASSWORD = 'test-admin-password'
/** The password of every demo account (fixtures/demo-accounts.json). */
export const DEMO_PASSWORD = 'plenary-demo'

/** A signed-in browser session: the Cookie header to send, and the Origin a page would send. */
export type Session = {
  cookie: string
  origin: string
}

/** A real Plenary server on a free port, in-process, over a throwaway data folder. */
export interface TestServer extends RunningServer {
  /** The data folder; survives `close()` so that a restart finds it. */
  dataDir: string
  /** The PostgreSQL schema's URL when the server runs on one (PLENARY_TEST_BACKEND=postgres). */
  databaseUrl?: string
  /** The websocket base a y-websocket provider takes: ws://localhost:<port>/collab */
  wsUrl: string
  /** Signs in as a demo account (or `admin`) through the API; answers its session cookie. */
  loginAs(username: string, password?: string): Promise<Session>
  /** An API token of a demo account (or `admin`), made through the API once per server. */
  tokenFor(username: string): Promise<string>
  /** Closes this server and starts another on the same data folder. */
  restart(): Promise<TestServer>
  /** Closes the server and deletes its data folder. */
  dispose(): Promise<void>
}

/** A fresh, empty data folder under the OS temp dir. */
export const tempDataDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-test-'))

/** Signs in at a running server by its REST API; throws unless it answers 200. */
export async function login(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  return { cookie, origin: url }
}

/** Makes an API token through the REST API with a session; answers its secret. */
export async function createToken(url: string, session: Session, name = 'test'): Promise<string> {
  const res = await fetch(`${url}/api/me/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session },
    body: JSON.stringify({ name }),
  })
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { secret: string }).secret
}

/**
 * Starts a server on port 0 (demo loaded unless `demo: false`) over `dataDir` or a new folder;
 * with PLENARY_TEST_BACKEND=postgres (and no `databaseUrl` given), on a fresh PostgreSQL schema
 * instead, kept across restarts and dropped by `dispose`.
 */
export async function startServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  if (process.env.PLENARY_TEST_BACKEND !== 'postgres' || options.databaseUrl) {
    return startOn(options)
  }
  const schema = await freshPgSchema()
  try {
    return await startOn({ ...options, databaseUrl: schema.url }, schema)
  } catch (error) {
    await schema.drop()
    throw error
  }
}

async function startOn(options: Partial<ServerOptions>, schema?: PgSchema): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const running = await start({
    adminPassword: TEST_ADMIN_PASSWORD,
    ...options,
    port: options.port ?? 0,
    dataDir,
  })
  const tokens = new Map<string, Promise<string>>()
  const passwordOf = (username: string) =>
    username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD
  const loginAs = (username: string, password = passwordOf(username)) =>
    login(running.url, username, password)
  const server: TestServer = {
    ...running,
    dataDir,
    databaseUrl: options.databaseUrl,
    wsUrl: `${running.url.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    loginAs,
    tokenFor: (username) => {
      let token = tokens.get(username)
      if (!token) {
        token = loginAs(username).then((session) => createToken(running.url, session))
        tokens.set(username, token)
      }
      return token
    },
    restart: async () => {
      await running.close()
      return startOn({ ...options, dataDir }, schema)
    },
    dispose: async () => {
      await running.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
      await schema?.drop()
    },
  }
  return server
}

/** A second handle on a test server's storage (its data folder, or its PostgreSQL schema). */
export const openStorageOf = (server: Pick<TestServer, 'dataDir' | 'databaseUrl'>) =>
  openStorage(server.dataDir, { databaseUrl: server.databaseUrl })
