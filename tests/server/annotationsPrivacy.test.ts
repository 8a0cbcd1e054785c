import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { NOTES_ANNOTATIONS } from '../../shared/domain/annotations/types'
import { openRaw } from '../support/api'
import {
  annotationAnchorOn,
  download,
  noteIds,
  writeAnnotation,
  writeReply,
} from '../support/annotations'
import { connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type Session, type TestServer } from '../support/startServer'

const OUTSIDERS = ['hana', 'france', 'chair', 'observer', 'admin']

describe("a campaign group's annotations stay with the group", () => {
  let server: TestServer
  const clients: CollabClient[] = []
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('lets two campaigners of one group annotate and reply live', async () => {
    const text = await connect('ana', 'ccm/text')
    const [ana, ben] = [
      await connect('ana', 'ccm/notes/cmc'),
      await connect('ben', 'ccm/notes/cmc'),
    ]
    await Promise.all([text.synced(), ana.synced(), ben.synced()])
    const id = writeAnnotation(ana.doc, {
      groupId: 'cmc',
      articleId: 'art-2',
      anchor: annotationAnchorOn(
        text.doc,
        'art-2',
        'designed to disperse or release explosive submunitions',
      ),
      body: 'This exemption would cover the **M85**',
      tags: ['threat'],
      authorName: 'Ana (CMC)',
    })
    await waitFor('ben sees ana’s note', () => noteIds(ben.doc).includes(id))
    // Both reply at once; the thread keeps both.
    writeReply(ben.doc, id, {
      authorAccountId: 'b',
      authorName: 'Ben',
      body: 'Counter with the Lebanon data',
      createdAt: '2008-02-18T10:00:00Z',
    })
    writeReply(ana.doc, id, {
      authorAccountId: 'a',
      authorName: 'Ana',
      body: 'France wavering',
      createdAt: '2008-02-18T10:00:01Z',
    })
    const thread = (c: CollabClient) =>
      (c.doc.getMap(NOTES_ANNOTATIONS).get(id) as Y.Map<unknown>).toJSON().replies as unknown[]
    await waitFor(
      'both replies everywhere',
      () => thread(ana).length === 2 && thread(ben).length === 2,
    )
    expect(thread(ana)).toEqual(thread(ben))
    // And it is stored: a fresh provider gets it from the server.
    const later = await connect('ben', 'ccm/notes/cmc')
    await later.synced()
    await waitFor('the stored thread', () => noteIds(later.doc).includes(id))
    expect(thread(later)).toHaveLength(2)
  })

  it('gives others not one byte of the room, over a raw socket or a provider', async () => {
    const ana = await connect('ana', 'ccm/notes/cmc')
    await ana.synced()
    writeAnnotation(ana.doc, {
      groupId: 'cmc',
      articleId: 'art-1',
      anchor: { start: null, end: null, quote: 'x' },
      body: 'secret',
    })
    for (const who of OUTSIDERS) {
      const token = await server.tokenFor(who)
      const byToken = openRaw(`${server.wsUrl}/ccm/notes/cmc?token=${token}`)
      expect({ who, ...(await byToken.closed), messages: byToken.messages }).toMatchObject({
        who,
        code: CloseCode.Forbidden,
        messages: 0,
      })
      // A browser, with its session cookie from a Plenary page, is refused the same way.
      const session: Session = await server.loginAs(who)
      const byCookie = openRaw(`${server.wsUrl}/ccm/notes/cmc`, { ...session })
      expect({ who, ...(await byCookie.closed), messages: byCookie.messages }).toMatchObject({
        who,
        code: CloseCode.Forbidden,
        messages: 0,
      })
      const provider = await connect(who, 'ccm/notes/cmc')
      const closed = await provider.nextClose()
      expect(closed.code).toBe(CloseCode.Forbidden)
      expect(provider.doc.getMap(NOTES_ANNOTATIONS).size).toBe(0)
      expect(Y.encodeStateVector(provider.doc)).toEqual(Y.encodeStateVector(new Y.Doc()))
    }
  })

  it('refuses an unknown group exactly like a forbidden one, even to a campaigner', async () => {
    const token = await server.tokenFor('ana')
    const answers = []
    for (const room of ['ccm/notes/hrw', 'ccm/notes/no-such-group']) {
      const raw = openRaw(`${server.wsUrl}/${room}?token=${token}`)
      answers.push({ ...(await raw.closed), messages: raw.messages })
    }
    expect(answers[0]).toMatchObject({ code: CloseCode.Forbidden, messages: 0 })
    expect(answers[1]).toEqual(answers[0])
  })

  it('answers the exports to the group only', async () => {
    for (const who of ['ana', 'ben']) {
      const session = await server.loginAs(who)
      for (const ext of ['csv', 'md']) {
        const got = await download(
          server.url,
          session,
          `/api/negotiations/ccm/notes/cmc/annotations.${ext}`,
        )
        expect({ who, ext, status: got.status }).toEqual({ who, ext, status: 200 })
      }
    }
    for (const who of OUTSIDERS) {
      const session = await server.loginAs(who)
      for (const path of ['cmc/annotations.csv', 'cmc/annotations.md', 'nogroup/annotations.csv']) {
        const got = await download(server.url, session, `/api/negotiations/ccm/notes/${path}`)
        expect({ who, path, status: got.status }).toEqual({ who, path, status: 403 })
        expect(JSON.parse(got.text).error).toEqual({
          code: 'forbidden',
          message: 'Only members of this group read its notes.',
        })
      }
    }
    const nobody = await download(
      server.url,
      null,
      '/api/negotiations/ccm/notes/cmc/annotations.csv',
    )
    expect(nobody.status).toBe(401)
  })
})
