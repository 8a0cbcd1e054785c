import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS } from '../../shared/domain/annotations/export'
import { readCsv } from '../../shared/domain/csv'
import {
  annotationAnchorOn,
  download,
  noteIds,
  writeAnnotation,
  writeReply,
} from '../support/annotations'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type Session, type TestServer } from '../support/startServer'

const XSS = '<img src=x onerror=alert(1)>'
const DELETED = 'designed to disperse or release explosive submunitions'

describe('exporting a group’s annotations', () => {
  let server: TestServer
  let ana: Session
  const clients: CollabClient[] = []
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    await client.synced()
    return client
  }

  beforeEach(async () => {
    server = await startServer()
    ana = await server.loginAs('ana')
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('lists the notes by article in text order, orphans with their words, bodies as text', async () => {
    const text = await connect('ana', 'ccm/text')
    const notes = await connect('ana', 'ccm/notes/cmc')
    const on = (articleId: string, quote: string) => annotationAnchorOn(text.doc, articleId, quote)
    // Written out of order: Art. 2 first, then Art. 1, then an earlier place in Art. 2.
    const gone = writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-2',
      anchor: on('art-2', DELETED),
      body: 'Will be deleted by the chair',
    })
    const xss = writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-1',
      anchor: on('art-1', 'never under any circumstances'),
      body: `Strong words ${XSS} *good*`,
      tags: ['counter-argument', 'm85'],
      authorName: 'Ana (CMC)',
    })
    writeReply(notes.doc, xss, {
      authorAccountId: 'b',
      authorName: 'Ben (CMC)',
      body: 'Agreed',
      createdAt: '2008-02-19T08:00:00.000Z',
    })
    const definitions = writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-2',
      anchor: on('art-2', '“Cluster munition”'),
      body: 'The definition is the battleground',
    })
    const check = await connect('ben', 'ccm/notes/cmc')
    await waitFor('the notes stored', () => noteIds(check.doc).length === 3)

    // The chair deletes the words of one note.
    const chair = await connect('chair', 'ccm/text')
    const clause = clauseText(chair.doc, 1, 3)
    const at = clause.toString().indexOf(DELETED)
    clause.delete(at, DELETED.length)
    const reader = await connect('observer', 'ccm/text')
    await waitFor('the deletion stored', () => reader.pmDoc().eq(chair.pmDoc()))

    const csv = await download(server.url, ana, '/api/negotiations/ccm/notes/cmc/annotations.csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?ccm-cmc-annotations\.csv/,
    )
    const read = readCsv(csv.text)
    if (!read.ok) throw new Error(read.error.message)
    const [header, ...rows] = read.records.map((r) => r.cells.map((c) => c.value))
    expect(header).toEqual([...EXPORT_COLUMNS])
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name)
    const pick = (row: string[] | undefined, ...names: (typeof EXPORT_COLUMNS)[number][]) =>
      names.map((n) => row?.[col(n)])
    expect(rows.map((r) => pick(r, 'id', 'article', 'state'))).toEqual([
      [xss, '1', 'ok'],
      [definitions, '2', 'ok'],
      [gone, '2', 'orphaned'],
    ])
    expect(pick(rows[0], 'article title', 'words', 'body', 'tags', 'replies')).toEqual([
      'General obligations and scope of application',
      'never under any circumstances',
      `Strong words ${XSS} *good*`,
      'counter-argument; m85',
      'Ben (CMC) (2008-02-19T08:00:00.000Z): Agreed',
    ])
    expect(pick(rows[2], 'words', 'quoted words')).toEqual(['', DELETED])

    const md = await download(server.url, ana, '/api/negotiations/ccm/notes/cmc/annotations.md')
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(md.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?ccm-cmc-annotations\.md/,
    )
    const order = [
      '# Annotations of Cluster Munition Coalition',
      '## Article 1: General obligations and scope of application',
      '### 1. “never under any circumstances”',
      'Strong words \\<img src=x onerror=alert(1)\\> *good*',
      '- Tags: counter-argument, m85',
      '- **Ben (CMC)** (2008-02-19 08:00): Agreed',
      '## Article 2: Definitions',
      '### 1. ““Cluster munition””',
      `### 2. words deleted: ‘${DELETED}’`,
    ].map((line) => ({ line, at: md.text.indexOf(line) }))
    expect(order.filter((o) => o.at < 0)).toEqual([])
    expect(order.map((o) => o.at)).toEqual(order.map((o) => o.at).sort((a, b) => a - b))
    expect(md.text).not.toMatch(/(^|[^\\])<img/)
  })
})
