// Child process: Plenary's server as `npm start` runs it, over a throwaway data folder, with the
// demo negotiation (the CCM text) loaded on first start. Nobody signs in: the benchmark measures
// the sync and its fan-out, which come after admission.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { everyoneWrites } from '../../server/src/collab/access'
import { startServer } from '../../server/src/server'
import { serveParent } from './childProtocol'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-fanout-'))
const server = await startServer({ port: 0, dataDir, decideAccess: everyoneWrites })
await serveParent('ours', server.port, {
  stop: async () => {
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
})
