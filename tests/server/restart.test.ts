import { afterEach, describe, expect, it } from 'vitest'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { treatySchema } from '../../shared/schema'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

// The text of a room's state as ProseMirror JSON, read the way every client reads it.
const pmJsonOf = (update: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const json = yXmlFragmentToProseMirrorRootNode(
    doc.getXmlFragment(TEXT_FRAGMENT),
    treatySchema,
  ).toJSON()
  doc.destroy()
  return json
}

describe('a restart of the server', () => {
  let server: TestServer | undefined
  const clients: CollabClient[] = []
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server?.dispose()
  })

  it('serves exactly the document it had', async () => {
    server = await startServer()
    const token = await server.tokenFor('chair')
    const a = connectClient(server.wsUrl, 'ccm/text', { token })
    const b = connectClient(server.wsUrl, 'ccm/text', { token })
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    clauseText(a.doc, 6, 1).insert(0, 'Each State Party shall report. ')
    clauseText(b.doc, 1, 0).delete(0, 4)
    await waitFor('b sees a', () => clauseText(b.doc, 6, 1).toString().startsWith('Each State'))
    await waitFor('a sees b', () => a.pmDoc().eq(b.pmDoc()))
    const before = pmJsonOf(Y.encodeStateAsUpdate(a.doc))
    const stateBefore = Y.encodeStateVector(a.doc)
    clients.splice(0).forEach((c) => c.destroy())

    server = await server.restart()
    const c = connectClient(server.wsUrl, 'ccm/text', { token })
    clients.push(c)
    await c.synced()
    expect(pmJsonOf(Y.encodeStateAsUpdate(c.doc))).toEqual(before)
    // The Yjs state itself, not only its rendering, is what it was.
    expect(Y.encodeStateVector(c.doc)).toEqual(stateBefore)
  })
})
