import { parseTrustProxy } from './http/trustProxy'
import { startServer } from './server'

// Entry point: `npm start` (compiled to dist/server/index.js, run by plain node) or `npm run dev`
// (tsx), configured by PORT, DATA_DIR, ADMIN_PASSWORD (the first start's admin password),
// PUBLIC_ORIGIN (behind a proxy) and TRUST_PROXY (which proxies' X-Forwarded-For/-Proto to
// believe: a hop count, true, or addresses), DATABASE_URL (PostgreSQL shared by several
// instances instead of SQLite in DATA_DIR), REDIS_URL (several instances kept in step through
// Redis) and REDIS_PREFIX (of its keys and channels, default `plenary:`).
const port = Number(process.env.PORT ?? 8080)
const dataDir = process.env.DATA_DIR ?? './data'
const adminPassword = process.env.ADMIN_PASSWORD || undefined
const publicOrigin = process.env.PUBLIC_ORIGIN || undefined
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY)
const databaseUrl = process.env.DATABASE_URL || undefined
const redisUrl = process.env.REDIS_URL || undefined
const redisPrefix = process.env.REDIS_PREFIX || undefined

const server = await startServer({
  port,
  dataDir,
  adminPassword,
  publicOrigin,
  trustProxy,
  databaseUrl,
  redisUrl,
  redisPrefix,
})
console.log(`Plenary listening on ${server.url} (data in ${databaseUrl ? 'PostgreSQL' : dataDir})`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: closing connections and the database`)
    server.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
