import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAnnotation,
  addReply,
  deleteAnnotation,
  deleteReply,
  editAnnotation,
  editReply,
  readAnnotations,
  setResolved,
} from '../../client/src/features/annotations/notesDoc'
import { noteCounts, filterNotes } from '../../client/src/features/annotations/selectors'
import type { ShownNote } from '../../client/src/features/annotations/useNotes'

const ana = { accountId: 'a-ana', name: 'Ana (CMC)' }
const ben = { accountId: 'a-ben', name: 'Ben (CMC)' }
const anchor = { start: { type: null }, end: { type: null }, quote: 'economic loss' }

// Two browsers of one group: each applies the other's updates, as the notes room relays them.
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'),
  )
  b.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'),
  )
  return [a, b]
}

const note = (doc: Y.Doc, body = 'Brief *Paris*', tags = ['lobbying']) =>
  addAnnotation(doc, {
    groupId: 'cmc',
    articleId: 'art-2',
    anchor,
    input: { body, tags },
    author: ana,
  })

describe('the group notes room as the client writes it', () => {
  it('writes a note as a Y.Map of fields that the other browser reads back whole', () => {
    const [a, b] = pair()
    const id = note(a)
    const [read] = readAnnotations(b)
    expect(read).toMatchObject({
      id,
      groupId: 'cmc',
      articleId: 'art-2',
      anchor,
      body: 'Brief *Paris*',
      tags: ['lobbying'],
      authorAccountId: 'a-ana',
      authorName: 'Ana (CMC)',
      resolved: false,
      replies: [],
    })
    expect(a.getMap('annotations').get(id)).toBeInstanceOf(Y.Map)
  })

  it('merges concurrent replies, an edit and a resolve without losing any', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const id = note(a)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    // Offline at once: Ana edits and resolves, Ben replies twice.
    editAnnotation(a, id, { body: 'Brief **Paris** now', tags: ['lobbying', 'france'] })
    setResolved(a, id, true, ana)
    addReply(b, id, 'On it', ben)
    addReply(b, id, 'Done', ben)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const doc of [a, b]) {
      const [n] = readAnnotations(doc)
      expect(n?.body).toBe('Brief **Paris** now')
      expect(n?.tags).toEqual(['lobbying', 'france'])
      expect(n?.resolved).toBe(true)
      expect(n?.resolvedBy).toBe('Ana (CMC)')
      expect(n?.replies.map((r) => r.body)).toEqual(['On it', 'Done'])
    }
  })

  it('edits and deletes a reply in place: a deleted one keeps its place, not its words', () => {
    const [a, b] = pair()
    const id = note(a)
    addReply(b, id, 'First', ben)
    addReply(a, id, 'Second', ana)
    const first = readAnnotations(a)[0]?.replies[0]
    editReply(b, id, first?.id ?? '', 'First, corrected')
    expect(readAnnotations(a)[0]?.replies.map((r) => [r.body, Boolean(r.editedAt)])).toEqual([
      ['First, corrected', true],
      ['Second', false],
    ])
    deleteReply(b, id, first?.id ?? '')
    const replies = readAnnotations(a)[0]?.replies ?? []
    expect(replies.map((r) => [r.body, r.deleted ?? false])).toEqual([
      ['', true],
      ['Second', false],
    ])
    setResolved(b, id, false, ben)
    expect(readAnnotations(a)[0]?.resolvedBy).toBeUndefined()
    deleteAnnotation(a, id)
    expect(readAnnotations(b)).toEqual([])
  })

  it('counts every note per article for the outline and filters by tag, author and status', () => {
    const [a] = pair()
    note(a, 'one', ['threat'])
    const two = note(a, 'two', ['question'])
    setResolved(a, two, true, ana)
    const shown: ShownNote[] = readAnnotations(a).map((n) => ({ ...n, source: 'group' }))
    expect(noteCounts(shown)).toEqual(new Map([['art-2', 2]]))
    const bodies = (f: Parameters<typeof filterNotes>[1]) =>
      filterNotes(shown, f).map((n) => n.body)
    expect(bodies({ tag: 'threat', author: '', status: '' })).toEqual(['one'])
    expect(bodies({ tag: '', author: 'a-ana', status: 'resolved' })).toEqual(['two'])
    expect(bodies({ tag: '', author: 'a-ben', status: '' })).toEqual([])
  })
})
