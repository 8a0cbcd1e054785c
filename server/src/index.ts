import { startServer } from './server'

// Entry point: `npm start` / `tsx server/src/index.ts`, configured by PORT and DATA_DIR.
const port = Number(process.env.PORT ?? 8080)
const dataDir = process.env.DATA_DIR ?? './data'

const server = await startServer({ port, dataDir })
console.log(`Plenary listening on ${server.url} (data in ${dataDir})`)

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
