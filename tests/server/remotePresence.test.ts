import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PRESENCE_BOUNDS } from '../../shared/collab/presence'
import type { Outbox } from '../../server/src/collab/Outbox'
import { DepartedIds } from '../../server/src/collab/PresenceOwners'
import type { AwarenessEntry } from '../../server/src/collab/protocol'
import { RoomPresence } from '../../server/src/collab/RoomPresence'

// Another instance's client, as that instance publishes it: one awareness update per state.
const remoteUpdate = (state: Record<string, unknown>): Uint8Array => {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState(state)
  const update = encodeAwarenessUpdate(awareness, [doc.clientID])
  awareness.destroy()
  doc.destroy()
  return update
}

describe('presence from other instances', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))

  const presence = () => {
    const relayed: AwarenessEntry[] = []
    const published: Uint8Array[] = []
    const outbox: Outbox = {
      update: () => {},
      presence: (entries) => void relayed.push(...entries),
      flush: () => {},
      destroy: () => {},
    }
    const doc = new Y.Doc()
    const room = new RoomPresence('n/text', doc, new DepartedIds(), outbox, (u) =>
      published.push(u),
    )
    cleanups.push(() => {
      room.destroy()
      doc.destroy()
    })
    return { room, relayed, published }
  }

  it('lists a remote writer (its state has a cursor) past the readers’ bound, and never publishes it back', () => {
    const { room, relayed, published } = presence()
    for (let i = 0; i < PRESENCE_BOUNDS.listedReaders + 5; i++) {
      room.applyRemote(remoteUpdate({ user: { name: `reader ${i}` }, article: 'art-1' }))
    }
    const readersRelayed = relayed.length
    expect(readersRelayed).toBe(PRESENCE_BOUNDS.listedReaders)

    room.applyRemote(remoteUpdate({ user: { name: 'Chair' }, cursor: null, article: 'art-1' }))
    expect(
      relayed.slice(readersRelayed).map((e) => (e.state?.user as { name: string }).name),
    ).toEqual(['Chair'])
    expect(published).toHaveLength(0)
  })
})
