import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { NOTES_ANNOTATIONS } from '../../shared/domain/annotations/types'
import { call, type ApiAnswer } from '../support/api'
import { annotationAnchorOn, noteIds, writeAnnotation, writeReply } from '../support/annotations'
import { connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type Session, type TestServer } from '../support/startServer'

const QUOTE = 'designed to disperse or release explosive submunitions'

describe('publishing an annotation to every member', () => {
  let server: TestServer
  const as: Record<string, Session> = {}
  const clients: CollabClient[] = []
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    await client.synced()
    return client
  }
  const api = (who: string, method: string, path: string): Promise<ApiAnswer> =>
    call(server.url, as[who] ?? null, method, `/api/negotiations/ccm/notes/${path}`)
  const field = (doc: Y.Doc, id: string, key: string) => {
    const value = doc.getMap(NOTES_ANNOTATIONS).get(id)
    return value instanceof Y.Map ? value.get(key) : (value as Record<string, unknown>)?.[key]
  }

  beforeEach(async () => {
    server = await startServer()
    for (const who of ['ana', 'ben', 'hana', 'france', 'chair', 'observer', 'admin']) {
      as[who] = await server.loginAs(who)
    }
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  const annotate = async () => {
    const text = await connect('ana', 'ccm/text')
    const notes = await connect('ana', 'ccm/notes/cmc')
    const id = writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-2',
      anchor: annotationAnchorOn(text.doc, 'art-2', QUOTE),
      body: 'The M85 would pass under this wording',
      tags: ['threat'],
      authorName: 'Ana (CMC)',
    })
    writeReply(notes.doc, id, {
      authorAccountId: 'b',
      authorName: 'Ben (CMC)',
      body: 'Internal: brief the capital first',
      createdAt: '2008-02-18T10:00:00Z',
    })
    // Stored before the command reads it: a fresh connection of the group sees it.
    const check = await connect('ben', 'ccm/notes/cmc')
    await waitFor('the note stored', () => noteIds(check.doc).includes(id))
    return { id, notes, group: check }
  }

  it('copies the note into the public room for everyone, and takes it back', async () => {
    const { id, group } = await annotate()
    const observer = await connect('observer', 'ccm/notes/public')
    const france = await connect('france', 'ccm/notes/public')
    expect(observer.doc.getMap(NOTES_ANNOTATIONS).size).toBe(0)

    const published = await api('ana', 'POST', `cmc/annotations/${id}/publish`)
    expect(published.status).toBe(200)
    expect(published.body.annotation).toMatchObject({
      id,
      groupId: 'cmc',
      publishedBy: 'Ana (CMC)',
      body: 'The M85 would pass under this wording',
      anchor: { quote: QUOTE },
      replies: [],
    })
    for (const reader of [observer, france]) {
      await waitFor('the public copy', () => noteIds(reader.doc).includes(id))
      const copy = reader.doc.getMap(NOTES_ANNOTATIONS).get(id) as Record<string, unknown>
      expect(copy).toMatchObject({ id, groupId: 'cmc', publishedBy: 'Ana (CMC)', tags: ['threat'] })
      // The group's thread stays with the group.
      expect(JSON.stringify(copy)).not.toContain('brief the capital')
    }
    await waitFor(
      'the group copy marked',
      () => field(group.doc, id, 'publishedBy') === 'Ana (CMC)',
    )
    expect(field(group.doc, id, 'publishedAt')).toBe(published.body.annotation.publishedAt)

    // A restart keeps both rooms.
    clients.splice(0).forEach((c) => c.destroy())
    server = await server.restart()
    as.ana = await server.loginAs('ana')
    const again = await connect('observer', 'ccm/notes/public')
    await waitFor('the copy after a restart', () => noteIds(again.doc).includes(id))

    expect((await api('ana', 'DELETE', `cmc/annotations/${id}/publish`)).status).toBe(204)
    await waitFor('the copy gone', () => !noteIds(again.doc).includes(id))
    const own = await connect('ben', 'ccm/notes/cmc')
    await waitFor('the mark gone', () => field(own.doc, id, 'publishedAt') === undefined)
    expect(noteIds(own.doc)).toContain(id)
    expect((await api('ana', 'DELETE', `cmc/annotations/${id}/publish`)).status).toBe(204)
  })

  it('refuses everyone but the group, and says 404 only to the group', async () => {
    const { id } = await annotate()
    for (const who of ['hana', 'france', 'chair', 'observer', 'admin']) {
      for (const method of ['POST', 'DELETE']) {
        const answer = await api(who, method, `cmc/annotations/${id}/publish`)
        expect({ who, method, status: answer.status, code: answer.body.error.code }).toEqual({
          who,
          method,
          status: 403,
          code: 'forbidden',
        })
        // The same answer whether or not the annotation exists.
        const unknown = await api(who, method, `cmc/annotations/n-nothing/publish`)
        expect(unknown.status).toBe(403)
      }
    }
    // Hana cannot reach cmc's note through her own group either.
    expect((await api('hana', 'POST', `hrw/annotations/${id}/publish`)).status).toBe(404)
    expect((await api('ana', 'POST', 'cmc/annotations/n-nothing/publish')).status).toBe(404)
    expect((await api('ana', 'DELETE', 'cmc/annotations/n-nothing/publish')).body.error.code).toBe(
      'annotation_not_found',
    )
    const publicRoom = await connect('observer', 'ccm/notes/public')
    expect(publicRoom.doc.getMap(NOTES_ANNOTATIONS).size).toBe(0)
  })

  it("does not let another group overwrite or withdraw a group's published note", async () => {
    const { id } = await annotate()
    expect((await api('ana', 'POST', `cmc/annotations/${id}/publish`)).status).toBe(200)
    const hrw = await connect('hana', 'ccm/notes/hrw')
    writeAnnotation(hrw.doc, {
      id,
      groupId: 'hrw',
      articleId: 'art-1',
      anchor: { start: null, end: null, quote: 'x' },
      body: 'impostor',
    })
    const check = await connect('hana', 'ccm/notes/hrw')
    await waitFor('hrw’s note stored', () => noteIds(check.doc).includes(id))
    expect((await api('hana', 'POST', `hrw/annotations/${id}/publish`)).status).toBe(409)
    expect((await api('hana', 'DELETE', `hrw/annotations/${id}/publish`)).status).toBe(204)
    const reader = await connect('observer', 'ccm/notes/public')
    expect(field(reader.doc, id, 'groupId')).toBe('cmc')
    expect(field(reader.doc, id, 'body')).toBe('The M85 would pass under this wording')
  })

  it('refuses every write to the public room, and keeps none of it', async () => {
    for (const who of ['ana', 'hana', 'france', 'chair', 'observer']) {
      const client = await connect(who, 'ccm/notes/public')
      const refused = client.nextClose()
      client.doc.getMap(NOTES_ANNOTATIONS).set(`n-${who}`, { body: 'forged', groupId: 'cmc' })
      expect({ who, code: (await refused).code }).toEqual({ who, code: CloseCode.ReadOnly })
    }
    const reader = await connect('observer', 'ccm/notes/public')
    expect(reader.doc.getMap(NOTES_ANNOTATIONS).size).toBe(0)
  })
})
