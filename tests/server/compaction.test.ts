import { afterEach, describe, expect, it } from 'vitest'
import { roomName } from '../../shared/collab'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { openStorageOf, startServer, type TestServer } from '../support/startServer'

describe('compaction of a live room', () => {
  let server: TestServer | undefined
  const clients: CollabClient[] = []
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server?.dispose()
  })

  it('keeps the content identical, live and after a restart', async () => {
    server = await startServer({ compactAfter: 25 })
    const token = await server.tokenFor('chair')
    const a = connectClient(server.wsUrl, 'ccm/text', { token })
    const b = connectClient(server.wsUrl, 'ccm/text', { token })
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    for (let i = 0; i < 60; i += 1) {
      clauseText(a.doc, 2, 1).insert(i, 'a')
      clauseText(b.doc, 3, 1).insert(0, 'b')
    }
    clauseText(a.doc, 4, 0).delete(0, 6)
    await waitFor(
      'convergence',
      () =>
        a.pmDoc().eq(b.pmDoc()) &&
        /^b{60}/.test(clauseText(a.doc, 3, 1).toString()) &&
        /^a{60}/.test(clauseText(b.doc, 2, 1).toString()) &&
        clauseText(b.doc, 4, 0).length === clauseText(a.doc, 4, 0).length,
    )
    const before = a.pmDoc().toJSON()
    const room = roomName({ negotiationId: 'ccm', kind: 'text' })
    // 120 keystrokes went in; the live room folds its log from its document once typing pauses
    // (appending never compacts). Read through a second connection to the same database file.
    const reader = await openStorageOf(server)
    try {
      const deadline = Date.now() + 20_000
      while ((await reader.pendingUpdates(room)) > 25 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await reader.pendingUpdates(room)).toBeLessThanOrEqual(25)
      expect((await reader.loadRoom(room)).length).toBeLessThanOrEqual(26)
    } finally {
      await reader.close()
    }
    clients.splice(0).forEach((c) => c.destroy())

    server = await server.restart()

    const c = connectClient(server.wsUrl, 'ccm/text', { token })
    clients.push(c)
    await c.synced()
    expect(c.pmDoc().toJSON()).toEqual(before)
  })
})
