import { describe, expect, it } from 'vitest'
import { PRESENCE_BOUNDS, parseRoomSummary, type RoomSummary } from '../../shared/collab/presence'
import { waitFor, type CollabClient } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

type PresenceState = { user?: { name?: string }; article?: string | null }
const stateOf = (client: CollabClient, id: number) =>
  client.provider.awareness.getStates().get(id) as PresenceState | undefined
// The room's summary as a client's awareness holds it (the server's own state), if any.
const summaryAt = (client: CollabClient): RoomSummary | null => {
  for (const state of client.provider.awareness.getStates().values()) {
    const summary = parseRoomSummary(state)
    if (summary) return summary
  }
  return null
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('presence at conference scale', () => {
  const harness = useTestServer([], 'each')
  // Connects `username`'s provider to the text and waits until it synced (its empty state is announced).
  const connect = (username: string) => harness.connect(username, 'ccm/text')

  it('relays a state changed 50 times in a second at most about 10 times a second, the last one last', async () => {
    const chair = await connect('chair')
    const watcher = await connect('france')
    const chairId = chair.doc.clientID
    const arrivals: (string | null | undefined)[] = []
    watcher.provider.awareness.on(
      'update',
      ({ added, updated }: { added: number[]; updated: number[] }) => {
        if ([...added, ...updated].includes(chairId))
          arrivals.push(stateOf(watcher, chairId)?.article)
      },
    )
    for (let i = 0; i < 50; i++) {
      chair.provider.awareness.setLocalState({ user: { name: 'Chair' }, article: `step-${i}` })
      await sleep(20)
    }
    await waitFor('the last step at the watcher', () => arrivals.at(-1) === 'step-49')
    await sleep(500) // anything still on its way would arrive now
    expect(arrivals.at(-1)).toBe('step-49')
    // 50 changes over about a second: one relay per 100 ms and a trailing one, some slack.
    expect(arrivals.length).toBeLessThanOrEqual(15)
    expect(arrivals.length).toBeGreaterThanOrEqual(2)
  })

  it('relays a removal at once, and no state waiting for its interval after it', async () => {
    const chair = await connect('chair')
    const watcher = await connect('france')
    const chairId = chair.doc.clientID
    chair.provider.awareness.setLocalState({ user: { name: 'Chair' }, article: 'art-1' })
    await waitFor('the chair at the watcher', () => stateOf(watcher, chairId)?.article === 'art-1')
    // Within the interval: this state waits for a trailing relay, and the removal overtakes it.
    chair.provider.awareness.setLocalState({ user: { name: 'Chair' }, article: 'art-2' })
    chair.provider.awareness.setLocalState(null)
    await waitFor('the chair gone at the watcher', () => stateOf(watcher, chairId) === undefined)
    await sleep(5 * PRESENCE_BOUNDS.relayIntervalMs)
    expect(stateOf(watcher, chairId)).toBeUndefined()
  })

  it('counts the readers past the bound per article, relays the first ones and every writer', async () => {
    const bound = PRESENCE_BOUNDS.listedReaders
    // The first readers to announce take the listed places (a provider announces on connect).
    const listed: CollabClient[] = []
    for (let i = 0; i < bound; i++) listed.push(await connect(i < 15 ? 'observer' : 'france'))
    listed.forEach((reader, i) =>
      reader.provider.awareness.setLocalState({ user: { name: `Reader ${i}` }, article: 'art-1' }),
    )
    const watcher = listed[0] as CollabClient
    await waitFor('every listed reader at the watcher', () =>
      listed.every((r) => stateOf(watcher, r.doc.clientID)?.user?.name !== undefined),
    )
    expect(summaryAt(watcher)).toBeNull()

    const later: CollabClient[] = []
    for (let i = 0; i < 5; i++) later.push(await connect(i < 3 ? 'germany' : 'austria'))
    later.forEach((reader, i) =>
      reader.provider.awareness.setLocalState({
        user: { name: `Later ${i}` },
        article: i < 2 ? 'art-2' : 'art-3',
      }),
    )
    await waitFor('the later readers counted per article', () => {
      const summary = summaryAt(watcher)
      return summary?.articles['art-2'] === 2 && summary.articles['art-3'] === 3
    })
    expect(summaryAt(watcher)).toEqual({
      present: bound + 5,
      unlisted: 5,
      articles: { 'art-2': 2, 'art-3': 3 },
    })
    // Their states themselves reach nobody, and a late joiner gets the summary, not them.
    for (const reader of later) expect(stateOf(watcher, reader.doc.clientID)).toBeUndefined()
    const chair = await connect('chair')
    await waitFor('the summary at the chair', () => summaryAt(chair)?.unlisted === 5)
    for (const reader of later) expect(stateOf(chair, reader.doc.clientID)).toBeUndefined()
    expect(stateOf(chair, (listed[7] as CollabClient).doc.clientID)?.user?.name).toBe('Reader 7')

    // A writer is relayed whatever the number of readers.
    chair.provider.awareness.setLocalState({ user: { name: 'Chair' }, article: 'art-4' })
    await waitFor(
      'the chair at the watcher',
      () => stateOf(watcher, chair.doc.clientID)?.article === 'art-4',
    )

    // A counted reader who leaves is counted no more.
    ;(later[4] as CollabClient).destroy()
    await waitFor('art-3 down to 2', () => summaryAt(watcher)?.articles['art-3'] === 2)
    expect(summaryAt(watcher)).toMatchObject({ present: bound + 5, unlisted: 4 })

    // A listed reader who leaves frees a place: the reader counted longest is listed instead.
    const gone = listed[5] as CollabClient
    const goneId = gone.doc.clientID
    gone.destroy()
    const first = later[0] as CollabClient
    await waitFor(
      'the first later reader listed',
      () => stateOf(watcher, first.doc.clientID)?.user?.name === 'Later 0',
    )
    expect(stateOf(watcher, goneId)).toBeUndefined()
    await waitFor('the counts after the move', () => summaryAt(watcher)?.unlisted === 3)
    expect(summaryAt(watcher)?.articles).toEqual({ 'art-2': 1, 'art-3': 2 })

    // A joiner gets the listed states as they are now, and the summary as it is now.
    const mover = listed[8] as CollabClient
    mover.provider.awareness.setLocalStateField('article', 'art-9')
    await waitFor(
      'the move at the watcher',
      () => stateOf(watcher, mover.doc.clientID)?.article === 'art-9',
    )
    const joiner = await connect('germany')
    await waitFor('the summary at the joiner', () => summaryAt(joiner)?.unlisted === 3)
    expect(stateOf(joiner, mover.doc.clientID)?.article).toBe('art-9')
    expect(stateOf(joiner, first.doc.clientID)?.user?.name).toBe('Later 0')
  })

  it("never lets a client speak under the room's own id", async () => {
    const readers: CollabClient[] = []
    for (let i = 0; i < PRESENCE_BOUNDS.listedReaders + 1; i++)
      readers.push(await connect(i < 16 ? 'observer' : 'france'))
    readers.forEach((r, i) => r.provider.awareness.setLocalState({ user: { name: `Reader ${i}` } }))
    const watcher = readers[0] as CollabClient
    await waitFor('a summary', () => summaryAt(watcher)?.unlisted === 1)
    const roomId = [...watcher.provider.awareness.getStates().entries()].find(
      ([, state]) => parseRoomSummary(state) !== null,
    )?.[0] as number
    // A forged state under the room's id, with a newer clock, as a raw awareness update.
    const forger = readers[1] as CollabClient
    const clock = (watcher.provider.awareness.meta.get(roomId)?.clock ?? 0) + 5
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness')
    const fake = new Awareness(forger.doc)
    fake.clientID = roomId
    fake.meta.set(roomId, { clock: clock - 1, lastUpdated: Date.now() })
    fake.setLocalState({ user: { name: 'Forged' } })
    const encoding = await import('lib0/encoding')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(fake, [roomId]))
    forger.provider.ws?.send(encoding.toUint8Array(encoder))
    fake.destroy()
    // A change that follows the forgery in the same socket arrives after it was handled.
    forger.provider.awareness.setLocalState({ user: { name: 'After' } })
    await waitFor(
      'the next state',
      () => stateOf(watcher, forger.doc.clientID)?.user?.name === 'After',
    )
    expect(stateOf(watcher, roomId)?.user).toBeUndefined()
    expect(summaryAt(watcher)?.unlisted).toBe(1)
  })
})
