import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { call, type ApiAnswer } from './api'
import { connectClient, type CollabClient } from './collabClient'
import { startServer, type Session, type TestServer } from './startServer'

/** A test server with demo people signed in, as one server test file uses it. */
export interface ServerHarness {
  /** The running server (started before each test or once for the file). */
  readonly server: TestServer
  /** The session of a demo account signed in at the start. */
  session(who: string): Session
  /**
   * Calls `/api/negotiations/ccm<path>` as a demo account (or nobody): with its session if it
   * was signed in at the start, else with its API token.
   */
  api(who: string | null, method: string, path: string, body?: unknown): Promise<ApiAnswer>
  /** Connects an official y-websocket provider to a room as a demo account, synced. */
  connect(who: string, room: string): Promise<CollabClient>
}

/**
 * Starts a real server for a describe block (`fresh: 'each'` for a new one per test, when tests
 * change what the next one reads), signs `users` in, and after each test destroys the clients
 * it connected; the server is disposed with its data.
 */
export function useTestServer(users: string[], fresh: 'each' | 'all' = 'all'): ServerHarness {
  let server: TestServer | undefined
  const sessions = new Map<string, Session>()
  const clients: CollabClient[] = []
  const running = () => {
    if (!server) throw new Error('the test server is not running')
    return server
  }

  const start = async () => {
    server = await startServer()
    sessions.clear()
    for (const who of users) sessions.set(who, await server.loginAs(who))
  }
  const stop = async () => {
    await server?.dispose()
    server = undefined
  }
  if (fresh === 'each') {
    beforeEach(start)
    afterEach(async () => {
      clients.splice(0).forEach((c) => c.destroy())
      await stop()
    })
  } else {
    beforeAll(start)
    afterEach(() => clients.splice(0).forEach((c) => c.destroy()))
    afterAll(stop)
  }

  const session = (who: string) => {
    const found = sessions.get(who)
    if (!found) throw new Error(`${who} was not signed in: name them in useTestServer`)
    return found
  }
  return {
    get server() {
      return running()
    },
    session,
    api: async (who, method, path, body) => {
      const s = running()
      const caller = who === null ? null : (sessions.get(who) ?? { token: await s.tokenFor(who) })
      return call(s.url, caller, method, `/api/negotiations/ccm${path}`, body)
    },
    connect: async (who, room) => {
      const s = running()
      const client = connectClient(s.wsUrl, room, { token: await s.tokenFor(who) })
      clients.push(client)
      await client.synced()
      return client
    },
  }
}
