// Child process: Hocuspocus 4.7 as its README starts it (`new Server().listen()`), in memory: no
// database extension, no authentication hook, its default broadcast batching. A seeded document
// is applied when Hocuspocus first loads it, as a database extension would.
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'
import { serveParent } from '../fanout/childProtocol'

const seeds = new Map<string, Uint8Array>()

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  async onLoadDocument({ document, documentName }) {
    const seed = seeds.get(documentName)
    if (seed) Y.applyUpdate(document, seed)
    return document
  },
})
await server.listen()
await serveParent('hocuspocus', server.address.port, {
  stop: () => server.destroy(),
  seed: (doc, update) => void seeds.set(doc, update),
})
