// A Node client of Plenary using the official y-websocket provider, as the README documents:
//   PLENARY_TOKEN=plt_... npx tsx scripts/sync-text.ts [ws://localhost:8080/collab] [ccm]
// It signs in with an API token, syncs the negotiation's text room and prints its articles.
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../shared/collab'
import { outlineOf } from '../shared/domain/numbering'
import { SCHEMA_VERSION, treatySchema } from '../shared/schema'

const [serverUrl = 'ws://localhost:8080/collab', negotiation = 'ccm'] = process.argv.slice(2)

const doc = new Y.Doc()
const provider = new WebsocketProvider(serverUrl, `${negotiation}/text`, doc, {
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  params: { schema: String(SCHEMA_VERSION), token: process.env.PLENARY_TOKEN ?? '' },
})

const timeout = setTimeout(() => {
  console.error(`No sync with ${serverUrl}/${negotiation}/text within 10 s.`)
  process.exit(1)
}, 10_000)

provider.on('connection-close', (event) => {
  if (event && event.code >= 4000) {
    console.error(`Refused by the server: ${event.code} ${event.reason}`)
    process.exit(1)
  }
})

provider.on('sync', (synced: boolean) => {
  if (!synced) return
  clearTimeout(timeout)
  const text = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema)
  const articles = outlineOf(text)
  console.log(`${text.firstChild?.textContent ?? ''}: ${articles.length} articles`)
  for (const a of articles) console.log(`Article ${a.number} (${a.id}): ${a.title}`)
  provider.destroy()
  doc.destroy()
})
