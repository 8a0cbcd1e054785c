import type { Node } from 'prosemirror-model'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS } from '../../shared/domain/annotations/export'
import { readCsv } from '../../shared/domain/csv'
import { outlineOf } from '../../shared/domain/numbering'
import { makeAnchor } from '../../shared/domain/annotations/anchors'
import { bindText, download, noteIds, placementIn, writeAnnotation } from '../support/annotations'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { random } from '../support/random'
import { startServer, type TestServer } from '../support/startServer'

// The must-show of issue 5: with real clients, concurrent edits around and inside annotated
// words keep every annotation on its words or mark it orphaned; none disappears.
//
// The expectation is computed independently of relative positions and of y-prosemirror, from
// the identity of characters: every character of the text is a Yjs item id (client, clock). An
// annotation's words are the characters between its first and last original character in the
// text's list order; its original characters are never moved, so the words now are exactly the
// visible characters there. The checks on top: every surviving original character is in the
// range, no character typed outside the range (as its typist saw it) is in it, and the range is
// orphaned exactly when no word is left in it.

const ARTICLES = [0, 1, 2, 3, 4] // Art. 1 to 5, 0-based
const ANNOTATIONS = 20
const CHAIRS = 3
const ROUNDS = 12
const OPS = 8

const key = (client: number, clock: number) => `${client}:${clock}`

interface Char {
  key: string
  ch: string
  deleted: boolean
}

// Every character of a clause in list order, deleted ones included (their content may be gone).
function charsOf(text: Y.XmlText): Char[] {
  const out: Char[] = []
  for (let item = text._start; item !== null; item = item.right) {
    const { client, clock } = item.id
    if (item.content instanceof Y.ContentString) {
      const s = item.content.str
      for (let i = 0; i < s.length; i += 1) {
        out.push({ key: key(client, clock + i), ch: s[i] ?? '', deleted: item.deleted })
      }
    } else if (item.content instanceof Y.ContentDeleted) {
      for (let i = 0; i < item.content.len; i += 1) {
        out.push({ key: key(client, clock + i), ch: '', deleted: true })
      }
    }
  }
  return out
}

interface Tracked {
  id: string
  article: number
  clause: number
  first: string
  last: string
  originals: Set<string>
  anchor: ReturnType<typeof makeAnchor>
  /** Characters typed outside the words, as the typist saw them then. */
  outside: Set<string>
}

// The annotation's words in a copy of the text: list indexes, visible offsets and characters.
function span(t: Tracked, chars: Char[]) {
  const a = chars.findIndex((c) => c.key === t.first)
  const c = chars.findIndex((ch) => ch.key === t.last)
  if (a < 0 || c < 0) throw new Error(`lost the characters of ${t.id}`)
  const visibleBefore = (i: number) => chars.slice(0, i).filter((ch) => !ch.deleted).length
  const inside = chars.slice(a, c + 1).filter((ch) => !ch.deleted)
  const start = visibleBefore(a)
  return { start, end: start + inside.length, inside, firstVisible: !chars[a]?.deleted }
}

// The position in a ProseMirror treaty document where a clause's text starts.
function clauseStart(doc: Node, article: number, clause: number): number {
  let pos = 0
  for (let i = 0; i < 2 + article; i += 1) pos += doc.child(i).nodeSize
  const node = doc.child(2 + article)
  pos += 1
  for (let i = 0; i < clause; i += 1) pos += node.child(i).nodeSize
  return pos + 1
}

const WORD = /[\p{L}\p{N}]/u

describe('annotation anchors under concurrent edits (seeded)', () => {
  let server: TestServer
  const clients: CollabClient[] = []
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

  it('keeps every annotation on its words, or orphans it once its words are gone', async () => {
    const next = random(20080530)
    const pick = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
    const choose = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
    const word = () => `${choose(['q', 'x', 'z', 'w'])}${pick(0, 999)} `

    // Ana annotates random word ranges of several articles in her group's room.
    const anaText = await connect('ana', 'ccm/text')
    const notes = await connect('ana', 'ccm/notes/cmc')
    const { binding, doc } = bindText(anaText.doc)
    const tracked: Tracked[] = []
    for (let n = 0; n < ANNOTATIONS; n += 1) {
      const article = choose(ARTICLES)
      const node = doc.child(2 + article)
      const clauses = [...Array(node.childCount).keys()].filter(
        (i) => i > 0 && node.child(i).textContent.length >= 40,
      )
      const clause = choose(clauses)
      const text = clauseText(anaText.doc, article, clause)
      const words = [...text.toString().matchAll(/\S+/g)]
      const i = pick(0, words.length - 1)
      const j = Math.min(words.length - 1, i + pick(0, 4))
      const from = words[i]?.index ?? 0
      const to = (words[j]?.index ?? 0) + (words[j]?.[0].length ?? 0)
      const base = clauseStart(doc, article, clause)
      const anchor = makeAnchor(binding, doc, base + from, base + to)
      expect(anchor.quote).toBe(text.toString().slice(from, to))
      const visible = charsOf(text).filter((c) => !c.deleted)
      const originals = visible.slice(from, to).map((c) => c.key)
      const id = writeAnnotation(notes.doc, {
        groupId: 'cmc',
        articleId: String(node.attrs.id),
        anchor,
        body: `note ${n}`,
      })
      tracked.push({
        id,
        article,
        clause,
        first: originals[0] ?? '',
        last: originals[originals.length - 1] ?? '',
        originals: new Set(originals),
        anchor,
        outside: new Set(),
      })
    }
    const check = await connect('ben', 'ccm/notes/cmc')
    await waitFor('every note stored', () => noteIds(check.doc).length === ANNOTATIONS)

    // Chair clients edit at once, around, inside and across the annotated words.
    const chairs: CollabClient[] = []
    const ownIds: number[] = []
    for (let i = 0; i < CHAIRS; i += 1) {
      const chair = await connect('chair', 'ccm/text')
      // Fixed client ids (they have written nothing yet) so that the run replays exactly; the
      // provider's presence keeps the one it was made with, given back after the edits.
      ownIds.push(chair.doc.clientID)
      chair.doc.clientID = 1000 + i
      chairs.push(chair)
    }
    const stats = { inserts: 0, deletes: 0, swallowed: 0, titles: 0 }

    const insert = (chair: CollabClient, t: Tracked, at: number) => {
      const text = clauseText(chair.doc, t.article, t.clause)
      const s = word()
      const clock = Y.getState(chair.doc.store, chair.doc.clientID)
      // Whether this typing is outside each annotation of the clause, as this chair sees it.
      const outsideOf = tracked
        .filter((o) => o.article === t.article && o.clause === t.clause)
        .filter((o) => {
          const { start, end, firstVisible } = span(o, charsOf(text))
          // Right at the start of words whose first character is deleted, typing may join them.
          return at < start || at >= end ? !(at === start && at < end && !firstVisible) : false
        })
      text.insert(at, s)
      for (const o of outsideOf) {
        for (let i = 0; i < s.length; i += 1) o.outside.add(key(chair.doc.clientID, clock + i))
      }
      stats.inserts += 1
    }

    const edit = (chair: CollabClient) => {
      const roll = next()
      if (roll < 0.06) {
        // An article's title.
        const title = clauseText(chair.doc, choose(ARTICLES), 0)
        if (next() < 0.5 || title.length < 4) title.insert(pick(0, title.length), word())
        else title.delete(pick(0, title.length - 3), pick(1, 3))
        stats.titles += 1
        return
      }
      // The last few annotations are never aimed at, only hit by edits of their neighbours.
      const t = choose(tracked.slice(0, ANNOTATIONS - 4))
      const text = clauseText(chair.doc, t.article, t.clause)
      const { start, end } = span(t, charsOf(text))
      const length = text.length
      if (roll < 0.3) return insert(chair, t, Math.max(0, start - pick(0, 4)))
      if (roll < 0.54) return insert(chair, t, Math.min(length, end + pick(0, 4)))
      if (roll < 0.7) {
        if (end - start >= 2) return insert(chair, t, pick(start + 1, end - 1))
        return insert(chair, t, start)
      }
      let from: number
      let to: number
      if (roll < 0.86 && end > start) {
        // Inside the words.
        from = pick(start, end - 1)
        to = Math.min(end, from + pick(1, 6))
      } else if (roll < 0.97) {
        // Across one boundary.
        const at = next() < 0.5 ? start : end
        from = Math.max(0, at - pick(1, 4))
        to = Math.min(length, at + pick(1, 4))
      } else {
        // Swallowing the whole range and a little around it.
        from = Math.max(0, start - pick(0, 3))
        to = Math.min(length, end + pick(0, 3))
        stats.swallowed += 1
      }
      if (to > from) text.delete(from, to - from)
      stats.deletes += 1
    }

    const vector = (c: CollabClient) => Buffer.from(Y.encodeStateVector(c.doc))
    for (let round = 0; round < ROUNDS; round += 1) {
      // Every chair edits its own copy without hearing the others: truly concurrent.
      for (let op = 0; op < OPS; op += 1) chairs.forEach(edit)
      await waitFor('the chairs converge', () =>
        chairs.every((c) => vector(c).equals(vector(chairs[0] as CollabClient))),
      )
    }
    chairs.forEach((c, i) => (c.doc.clientID = ownIds[i] ?? c.doc.clientID))
    expect(stats.swallowed).toBeGreaterThan(0)
    expect(stats.titles).toBeGreaterThan(0)

    // A fresh reader loads the text from the server: everything was stored.
    const reader = await connect('observer', 'ccm/text')
    const last = chairs[0] as CollabClient
    await waitFor('the reader has every edit', () => reader.pmDoc().eq(last.pmDoc()))

    // None disappears: the group's room holds every annotation, and so does the export.
    const later = await connect('ben', 'ccm/notes/cmc')
    await waitFor('the notes', () => noteIds(later.doc).length === ANNOTATIONS)
    expect(noteIds(later.doc)).toEqual(tracked.map((t) => t.id).sort())
    const csv = await download(
      server.url,
      await server.loginAs('ana'),
      '/api/negotiations/ccm/notes/cmc/annotations.csv',
    )
    expect(csv.status).toBe(200)
    const read = readCsv(csv.text)
    if (!read.ok) throw new Error(read.error.message)
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name)
    const rows = new Map(
      read.records.slice(1).map((r) => {
        const cells = r.cells.map((c) => c.value)
        return [cells[col('id')], cells]
      }),
    )
    expect(rows.size).toBe(ANNOTATIONS)

    const outcomes = { untouched: 0, edited: 0, orphaned: 0 }
    for (const t of tracked) {
      const chars = charsOf(clauseText(reader.doc, t.article, t.clause))
      const { inside } = span(t, chars)
      const expected = inside.map((c) => c.ch).join('')
      const survivors = chars.filter((c) => !c.deleted && t.originals.has(c.key))
      const shown = placementIn(reader.doc, t.anchor)
      const row = rows.get(t.id) ?? []
      const what = { id: t.id, quote: t.anchor.quote, expected }

      // Every surviving original character is in the range; nothing typed outside it is.
      const keys = new Set(inside.map((c) => c.key))
      expect({ ...what, lost: survivors.filter((c) => !keys.has(c.key)).length }).toEqual({
        ...what,
        lost: 0,
      })
      expect({ ...what, strays: inside.filter((c) => t.outside.has(c.key)).length }).toEqual({
        ...what,
        strays: 0,
      })

      if (WORD.test(expected)) {
        expect({ ...what, shown }).toMatchObject({
          ...what,
          shown: { state: 'ok', text: expected },
        })
        expect([row[col('state')], row[col('words')]]).toEqual(['ok', expected])
        if (expected === t.anchor.quote) outcomes.untouched += 1
        else outcomes.edited += 1
      } else {
        // Orphaned only when no word of it is left: no original word character survives.
        expect(survivors.filter((c) => WORD.test(c.ch))).toEqual([])
        expect({ ...what, shown }).toEqual({ ...what, shown: { state: 'orphaned' } })
        expect([row[col('state')], row[col('quoted words')]]).toEqual(['orphaned', t.anchor.quote])
        outcomes.orphaned += 1
      }
    }
    // The seed exercises all three outcomes.
    expect(outcomes.edited).toBeGreaterThan(0)
    expect(outcomes.orphaned).toBeGreaterThan(0)

    // Titles edited live are those the export names.
    const titles = new Map(outlineOf(reader.pmDoc()).map((a) => [String(a.number), a.title]))
    for (const row of rows.values()) {
      expect(row[col('article title')]).toBe(titles.get(row[col('article')] ?? ''))
    }
    console.log('annotation anchors:', { ...stats, ...outcomes })
  })
})
