// Child process: the minimal merging server (mergingServer.ts), in memory, seeded by the bench.
import { serveParent } from '../fanout/childProtocol'
import { startMergingServer } from './mergingServer'

const server = await startMergingServer()
await serveParent('merging', server.port, { stop: () => server.close(), seed: server.seed })
