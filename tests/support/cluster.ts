import fs from 'node:fs'
import { freshPgSchema, type PgSchema } from './pgSchema'
import { randomRedisPrefix, TEST_REDIS_URL } from './redisServer'
import { spawnServer, type ServerProcess } from './spawnServer'
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD, createToken, login, tempDataDir } from './startServer'
import type { Session } from './startServer'

/** How to start a cluster. */
export interface ClusterOptions {
  /** Redis for the fan-out (default: the machine's, TEST_REDIS_URL, with a random prefix). */
  redisUrl?: string
  /** More environment for every instance. */
  env?: Record<string, string>
}

/**
 * Plenary instances as separate processes (as `npm start` runs them) on one PostgreSQL schema
 * and one Redis prefix, each on a port of its own: what a load balancer would spread clients over.
 */
export interface Cluster {
  /** The instances by index; one killed and not restarted is its last process, exited. */
  readonly instances: readonly ServerProcess[]
  /** http://localhost:<port> of instance i. */
  url(i: number): string
  /** ws://localhost:<port>/collab of instance i. */
  wsUrl(i: number): string
  /** The database URL every instance uses (its own schema). */
  readonly databaseUrl: string
  readonly redisUrl: string
  readonly redisPrefix: string
  /** Signs in through instance `i` (default 0); the session is valid on every instance. */
  login(username: string, password?: string, i?: number): Promise<Session>
  /** An API token for `username` (default the demo chair), made once and kept. */
  token(username?: string): Promise<string>
  /** kill -9 of instance i; resolves once the process is gone. */
  kill9(i: number): Promise<void>
  /** Starts instance i again on its port (after kill9, or stops it first with kill -9). */
  restart(i: number): Promise<ServerProcess>
  /** Starts one more instance; answers its index. */
  add(): Promise<number>
  /** Kills every instance, drops the schema, removes the data folders. */
  close(): Promise<void>
}

const passwordOf = (username: string) =>
  username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD

/**
 * Starts `n` instances one after another (the first loads the demo negotiation; the others find
 * it) on a fresh PostgreSQL schema and a random Redis prefix. Close it in `afterEach`/`afterAll`.
 */
export async function startCluster(n: number, options: ClusterOptions = {}): Promise<Cluster> {
  const schema: PgSchema = await freshPgSchema()
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL
  const redisPrefix = randomRedisPrefix()
  const dataDirs: string[] = []
  const instances: ServerProcess[] = []
  const ports: number[] = []
  const tokens = new Map<string, Promise<string>>()

  const spawnInstance = async (i: number): Promise<ServerProcess> => {
    dataDirs[i] ??= tempDataDir()
    const started = await spawnServer(dataDirs[i], {
      DATABASE_URL: schema.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      // The same port again on a restart, so that clients find it where it was.
      PORT: String(ports[i] ?? 0),
      ...options.env,
    })
    ports[i] = Number(new URL(started.url).port)
    instances[i] = started
    return started
  }
  const kill9 = async (i: number) => {
    const instance = instances[i]
    if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return
    instance.child.kill('SIGKILL')
    await instance.exited
  }
  const instance = (i: number): ServerProcess => {
    const found = instances[i]
    if (!found) throw new Error(`no instance ${i}`)
    return found
  }

  const cluster: Cluster = {
    instances,
    url: (i) => instance(i).url,
    wsUrl: (i) => instance(i).wsUrl,
    databaseUrl: schema.url,
    redisUrl,
    redisPrefix,
    login: (username, password = passwordOf(username), i = 0) =>
      login(instance(i).url, username, password),
    token: (username = 'chair') => {
      let made = tokens.get(username)
      if (!made) {
        made = cluster.login(username).then((session) => createToken(session.origin, session))
        tokens.set(username, made)
      }
      return made
    },
    kill9,
    restart: async (i) => {
      await kill9(i)
      return spawnInstance(i)
    },
    add: async () => {
      const i = instances.length
      await spawnInstance(i)
      return i
    },
    close: async () => {
      await Promise.all(instances.map((_, i) => kill9(i)))
      await schema.drop()
      dataDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
    },
  }
  try {
    for (let i = 0; i < n; i++) await spawnInstance(i)
  } catch (error) {
    await cluster.close()
    throw error
  }
  return cluster
}
