import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { annotationAnchorOn, noteIds, placementIn, writeAnnotation } from '../support/annotations'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

const WORDS = 'each weighing less than 20 kilograms'

// A new round's text starts from the previous round's (the text room goes on; closing a round
// freezes a copy), so a campaign's notes stay on their words across rounds.
describe('annotations across rounds', () => {
  let server: TestServer
  const clients: CollabClient[] = []
  const api = async (who: string, method: string, path: string, body?: unknown) =>
    call(
      server.url,
      { token: await server.tokenFor(who) },
      method,
      `/api/negotiations/ccm${path}`,
      body,
    )
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    await client.synced()
    return client
  }

  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('keeps a note on its words when a round closes and the next one edits the text', async () => {
    const text = await connect('ana', 'ccm/text')
    const notes = await connect('ana', 'ccm/notes/cmc')
    const id = writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-2',
      anchor: annotationAnchorOn(text.doc, 'art-2', WORDS),
      body: 'Weight threshold: the M85 weighs less than this',
    })

    // The chair closes the open round (Dublin in the demo) and opens the next one.
    const closed = await api('chair', 'POST', '/rounds/dublin-2008/close', {})
    expect(closed.status).toBe(200)
    const opened = await api('chair', 'POST', '/rounds', {
      name: 'Review Conference',
      place: 'Geneva, Switzerland',
      startDate: '2009-03-01',
      endDate: '2009-03-05',
    })
    expect(opened.status).toBe(201)

    // In the new round the chair edits around the words: before them and after them.
    const chair = await connect('chair', 'ccm/text')
    const clause = clauseText(chair.doc, 1, 3)
    const at = clause.toString().indexOf(WORDS)
    clause.insert(at + WORDS.length, ' [or of a calibre below 40 mm]')
    clause.insert(at, 'of which ')
    await waitFor('the edits at the annotator', () =>
      text.pmDoc().textContent.includes('of which each weighing less than 20 kilograms [or'),
    )

    // The frozen text has none of it; the note is still on exactly its words in the live text.
    const frozen = await api('observer', 'GET', '/rounds/dublin-2008/text')
    expect(JSON.stringify(frozen.body.snapshot.doc)).not.toContain('calibre below 40 mm')
    expect(noteIds(notes.doc)).toContain(id)
    const placed = placementIn(text.doc, notes.doc.getMap('annotations').toJSON()[id].anchor)
    expect(placed).toMatchObject({ state: 'ok', text: WORDS })
  })
})
