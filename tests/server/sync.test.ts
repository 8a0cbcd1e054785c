import type WebSocket from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { outlineOf } from '../../shared/domain/numbering'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

describe('websocket sync of the text room', () => {
  let server: TestServer
  let token: string
  const clients: CollabClient[] = []
  const connect = () => {
    const client = connectClient(server.wsUrl, 'ccm/text', { token })
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startServer()
    token = await server.tokenFor('chair')
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('gives two y-websocket providers the demo text with its 23 articles', async () => {
    const [a, b] = [connect(), connect()]
    await Promise.all([a.synced(), b.synced()])
    const outline = outlineOf(a.pmDoc())
    expect(outline).toHaveLength(23)
    expect(outline[0]).toMatchObject({ number: 1, id: 'art-1' })
    expect(b.pmDoc().toJSON()).toEqual(a.pmDoc().toJSON())
  })

  it('converges when both type at once', async () => {
    const [a, b] = [connect(), connect()]
    await Promise.all([a.synced(), b.synced()])
    for (let i = 0; i < 20; i += 1) {
      clauseText(a.doc, 0, 1).insert(0, 'A')
      clauseText(b.doc, 0, 1).insert(0, 'B')
    }
    const typed = (c: CollabClient) => clauseText(c.doc, 0, 1).toString().slice(0, 40)
    await waitFor('both see all 40 keystrokes', () =>
      [a, b].every((c) => /^[AB]{40}$/.test(typed(c))),
    )
    expect(typed(a)).toBe(typed(b))
    expect(b.pmDoc().toJSON()).toEqual(a.pmDoc().toJSON())
  })

  it('loads a room on the first join and unloads it after the last leaves', async () => {
    expect(server.loadedRooms()).toEqual([])
    const [a, b] = [connect(), connect()]
    await Promise.all([a.synced(), b.synced()])
    expect(server.loadedRooms()).toEqual(['ccm/text'])
    a.destroy()
    await waitFor('a has left', () => b.provider.awareness.getStates().size === 1)
    expect(server.loadedRooms()).toEqual(['ccm/text'])
    b.destroy()
    await waitFor('the room to unload', () => server.loadedRooms().length === 0)
  })

  it('relays presence, and removes it when its connection closes', async () => {
    const [a, b] = [connect(), connect()]
    await Promise.all([a.synced(), b.synced()])
    a.provider.awareness.setLocalStateField('user', { name: 'Delegate of Norway' })
    await waitFor('presence of a at b', () =>
      [...b.provider.awareness.getStates().values()].some(
        (s) => (s as { user?: { name?: string } }).user?.name === 'Delegate of Norway',
      ),
    )
    const aId = a.doc.clientID
    // Drop the socket without a goodbye: the server must clear a's presence by itself.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as WebSocket | null)?.terminate()
    await waitFor('removal of a at b', () => !b.provider.awareness.getStates().has(aId))
  })
})
