import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/collab'
import { PRESENCE_BOUNDS } from '../../shared/collab/presence'
import { keepOwnPresence } from '../../client/src/collab/keepOwnPresence'
import { openRaw, type RawSocket } from '../support/api'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

interface Entry {
  clientId: number
  clock: number
  state: unknown
}

// One awareness message as y-websocket sends it: [messageAwareness, varUint8Array(update)],
// the update being y-protocols' [count, then clientID, clock, JSON state per entry].
function awarenessMessage(entries: Entry[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

type PresenceState = { user?: { name?: string; account?: string }; article?: string }
const stateOf = (client: CollabClient, id: number) =>
  client.provider.awareness.getStates().get(id) as PresenceState | undefined
const clockOf = (client: CollabClient) =>
  client.provider.awareness.meta.get(client.doc.clientID)?.clock ?? 0

// Every name `client` has shown for client id `id`, and whether it ever lost that id's state.
function watch(client: CollabClient, id: number) {
  const seen = { names: [] as (string | undefined)[], removed: false }
  client.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
    if (removed.includes(id)) seen.removed = true
    const state = stateOf(client, id)
    if (state) seen.names.push(state.user?.name)
  })
  return seen
}

// A y-prosemirror cursor: relative positions as JSON, as its cursor plugin announces them.
const cursorIn = (doc: Y.Doc) => {
  const at = Y.relativePositionToJSON(
    Y.createRelativePositionFromTypeIndex(clauseText(doc, 0, 0), 0),
  )
  return { anchor: at, head: at }
}

describe('presence bound to its connection', () => {
  let server: TestServer
  const clients: CollabClient[] = []
  const sockets: RawSocket[] = []
  const connect = async (username: string) => {
    const client = connectClient(server.wsUrl, 'ccm/text', {
      token: await server.tokenFor(username),
    })
    clients.push(client)
    await client.synced()
    return client
  }
  // A raw websocket of an account in the text room (the observer's reads only).
  const openSocket = async (username: string) => {
    const raw = openRaw(`${server.wsUrl}/ccm/text?token=${await server.tokenFor(username)}`)
    sockets.push(raw)
    await new Promise((resolve) => raw.ws.once('open', resolve))
    return raw
  }
  // The chair as a browser announces itself: a name, a colour and a caret in the text.
  const chairIn = async () => {
    const chair = await connect('chair')
    chair.provider.awareness.setLocalState({
      user: { name: 'Chair', color: '#1d5fbf' },
      cursor: cursorIn(chair.doc),
    })
    return chair
  }

  // Sends `entries`, then a marker under the socket's own client id, and waits until every
  // watcher shows the marker: the room handles messages in order, so the entries were handled.
  // Each socket announces its marker under a client id of its own.
  let markers = 0
  const markerId = (raw: RawSocket) => 4_242_424 + sockets.indexOf(raw)
  const sendThenSettle = async (raw: RawSocket, entries: Entry[], watchers: CollabClient[]) => {
    markers += 1
    const name = `marker ${markers}`
    raw.ws.send(awarenessMessage(entries))
    raw.ws.send(
      awarenessMessage([{ clientId: markerId(raw), clock: markers, state: { user: { name } } }]),
    )
    for (const watcher of watchers)
      await waitFor(`the marker at ${watcher.doc.clientID}`, () =>
        [...watcher.provider.awareness.getStates().values()].some(
          (s) => (s as PresenceState).user?.name === name,
        ),
      )
    // A client id's state is relayed at most once per interval, the latest trailing: whatever
    // the room admitted of the entries has reached the watchers once one more interval passed.
    await new Promise((resolve) => setTimeout(resolve, 3 * PRESENCE_BOUNDS.relayIntervalMs))
  }

  beforeEach(async () => {
    server = await startServer()
    markers = 0
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    sockets.splice(0).forEach((s) => s.ws.terminate())
    await server.dispose()
  })

  it("drops an observer's update forged under the chair's client id: everyone keeps 'Chair'", async () => {
    const chair = await chairIn()
    const watcher = await connect('france')
    const chairId = chair.doc.clientID
    await waitFor(
      'the chair at the watcher',
      () => stateOf(watcher, chairId)?.user?.name === 'Chair',
    )
    const seen = watch(watcher, chairId)

    const observer = await openSocket('observer')
    const forged = {
      clientId: chairId,
      clock: clockOf(chair) + 10,
      state: { user: { name: 'Forged', color: '#000000' }, cursor: cursorIn(chair.doc) },
    }
    await sendThenSettle(observer, [forged], [watcher, chair])

    expect(seen.names).not.toContain('Forged')
    expect(stateOf(watcher, chairId)?.user?.name).toBe('Chair')
    expect((chair.provider.awareness.getLocalState() as PresenceState).user?.name).toBe('Chair')
    // A client that joins afterwards gets the room's presence as the server holds it.
    const fresh = await connect('germany')
    await waitFor('the chair at a fresh client', () => stateOf(fresh, chairId) !== undefined)
    expect(stateOf(fresh, chairId)?.user?.name).toBe('Chair')
  })

  it("keeps a reconnecting client's id for its account: the observer cannot take it in between", async () => {
    const chair = await chairIn()
    const watcher = await connect('france')
    const chairId = chair.doc.clientID
    await waitFor(
      'the chair at the watcher',
      () => stateOf(watcher, chairId)?.user?.name === 'Chair',
    )
    const seen = watch(watcher, chairId)

    // As the app's rooms do (useCollabRoom): a reconnect announces the presence anew.
    keepOwnPresence(chair.provider)
    chair.provider.disconnect()
    await waitFor('the chair gone at the watcher', () => stateOf(watcher, chairId) === undefined)
    const observer = await openSocket('observer')
    const forged = {
      clientId: chairId,
      clock: clockOf(chair) + 10,
      state: { user: { name: 'Forged' } },
    }
    await sendThenSettle(observer, [forged], [watcher])
    expect(stateOf(watcher, chairId)).toBeUndefined()

    chair.provider.connect()
    // Without the new announcement the others would show it only at y-websocket's 15-second
    // renewal, past waitFor's 10 s bound.
    await waitFor('the chair back at the watcher', () => stateOf(watcher, chairId) !== undefined)
    expect(stateOf(watcher, chairId)?.user?.name).toBe('Chair')
    expect(seen.names).not.toContain('Forged')
    expect((chair.provider.awareness.getLocalState() as PresenceState).user?.name).toBe('Chair')

    // Another connection of the same account (a reconnecting tab) may take the id over; the
    // chair's own provider still never adopts a state for its id that it did not set.
    const secondTab = await openSocket('chair')
    await sendThenSettle(
      secondTab,
      [{ clientId: chairId, clock: clockOf(chair) + 1, state: { user: { name: 'Chair, tab 2' } } }],
      [watcher],
    )
    expect(seen.names).toContain('Chair, tab 2')
    await waitFor('the chair itself again', () => stateOf(watcher, chairId)?.user?.name === 'Chair')
    expect((chair.provider.awareness.getLocalState() as PresenceState).user?.name).toBe('Chair')
  })

  it('keeps a departed id for its account after its room unloaded', async () => {
    const chair = await chairIn()
    const chairId = chair.doc.clientID
    keepOwnPresence(chair.provider)
    const first = await connect('france')
    await waitFor('the chair at a watcher', () => stateOf(first, chairId)?.user?.name === 'Chair')
    chair.provider.disconnect()
    first.destroy()
    await waitFor('the room to unload', () => server.loadedRooms().length === 0)

    const observer = await openSocket('observer')
    const watcher = await connect('france')
    const seen = watch(watcher, chairId)
    const forged = {
      clientId: chairId,
      clock: clockOf(chair) + 10,
      state: { user: { name: 'Forged' } },
    }
    await sendThenSettle(observer, [forged], [watcher])
    expect(stateOf(watcher, chairId)).toBeUndefined()

    chair.provider.connect()
    await waitFor('the chair back at the watcher', () => stateOf(watcher, chairId) !== undefined)
    expect(stateOf(watcher, chairId)?.user?.name).toBe('Chair')
    expect(seen.names).not.toContain('Forged')
    expect((chair.provider.awareness.getLocalState() as PresenceState).user?.name).toBe('Chair')
  })

  it("ignores a null-state removal of someone else's id", async () => {
    const chair = await chairIn()
    const watcher = await connect('france')
    const chairId = chair.doc.clientID
    await waitFor(
      'the chair at the watcher',
      () => stateOf(watcher, chairId)?.user?.name === 'Chair',
    )
    const seen = watch(watcher, chairId)

    const observer = await openSocket('observer')
    await sendThenSettle(
      observer,
      [
        { clientId: chairId, clock: clockOf(chair), state: null },
        { clientId: chairId, clock: clockOf(chair) + 5, state: null },
      ],
      [watcher],
    )
    expect(seen.removed).toBe(false)
    expect(stateOf(watcher, chairId)?.user?.name).toBe('Chair')
  })

  it("relays a read-only connection's presence as name, colour, role and article only", async () => {
    const watcher = await connect('france')
    const observer = await openSocket('observer')
    const readerId = 777_777
    await sendThenSettle(
      observer,
      [
        {
          clientId: readerId,
          clock: 1,
          state: {
            user: { name: 'O'.repeat(5000), color: '#0f7b4b', role: 'Observer', avatar: 'x' },
            article: 'art-2',
            cursor: cursorIn(watcher.doc),
            script: '<img src=x onerror=alert(1)>',
          },
        },
      ],
      [watcher],
    )
    const relayed = stateOf(watcher, readerId) as {
      user: { name: string; color: string; role: string; account?: string }
    }
    expect(Object.keys(relayed).sort()).toEqual(['article', 'user'])
    expect(relayed).toMatchObject({
      user: { color: '#0f7b4b', role: 'Observer' },
      article: 'art-2',
    })
    expect(Object.keys(relayed.user).sort()).toEqual(['account', 'color', 'name', 'role'])
    expect(relayed.user.name.length).toBeLessThanOrEqual(80)
    expect(relayed.user.name.startsWith('OOOO')).toBe(true)
  })

  it('stamps the signed-in account into every relayed state, over whatever the client claimed', async () => {
    const chair = await chairIn()
    const watcher = await connect('france')
    const chairId = chair.doc.clientID
    await waitFor(
      'the chair at the watcher',
      () => stateOf(watcher, chairId)?.user?.name === 'Chair',
    )
    expect(stateOf(watcher, chairId)?.user?.account).toBe('chair')

    const observer = await openSocket('observer')
    await sendThenSettle(
      observer,
      [{ clientId: 31_337, clock: 1, state: { user: { name: 'Chair', account: 'chair' } } }],
      [watcher],
    )
    expect(stateOf(watcher, 31_337)?.user?.account).toBe('observer')
  })

  it('does not relay a state past the size limit, and closes a connection on undecodable presence', async () => {
    const chair = await chairIn()
    const watcher = await connect('france')
    const chairId = chair.doc.clientID
    await waitFor(
      'the chair at the watcher',
      () => stateOf(watcher, chairId)?.user?.name === 'Chair',
    )
    let largest = 0
    watcher.provider.awareness.on('change', () => {
      const size = JSON.stringify(stateOf(watcher, chairId) ?? null).length
      largest = Math.max(largest, size)
    })
    chair.provider.awareness.setLocalStateField('cursor', {
      anchor: 'x'.repeat(100_000),
      head: null,
    })
    chair.provider.awareness.setLocalState({ user: { name: 'Chair' }, article: 'art-3' })
    await waitFor('the chair in article 3', () => stateOf(watcher, chairId)?.article === 'art-3')
    expect(largest).toBeLessThan(4096)

    const observer = await openSocket('observer')
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, 99)
    encoding.writeVarUint(update, 1)
    encoding.writeVarString(update, '{"user": not json')
    const message = encoding.createEncoder()
    encoding.writeVarUint(message, 1)
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
    observer.ws.send(encoding.toUint8Array(message))
    expect((await observer.closed).code).toBe(CloseCode.MalformedMessage)
  })
})
