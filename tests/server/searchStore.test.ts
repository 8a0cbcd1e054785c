import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { digestOf, type SearchDoc, type SearchUnit } from '../../shared/domain/search/documents'
import { ftsQuery, parseMarked, type SearchKind } from '../../shared/domain/search/query'
import type { SearchFilter } from '../../server/src/storage/SearchStore'
import type { Storage } from '../../server/src/storage/Storage'
import { storageBackends, type OpenedBackend } from '../support/storageBackends'

const doc = (refId: string, body: string, over: Partial<SearchDoc> = {}): SearchDoc => ({
  kind: 'text',
  refId,
  articleId: refId,
  clause: 0,
  audience: 'everyone',
  label: `Article ${refId}`,
  title: '',
  body,
  ...over,
})

const unit = (key: string, ...docs: SearchDoc[]): SearchUnit => ({
  unit: key,
  digest: digestOf(docs),
  docs,
})

const LONG =
  'Each State Party undertakes to clear cluster munition remnants. It shall do so within ten ' +
  'years: that is the deadline. Victims of cluster munitions get assistance from each State ' +
  'Party in accordance with applicable international humanitarian law and human rights law, ' +
  'without discrimination among the victims.'

const TEXT: SearchUnit[] = [
  unit('a1', doc('a1', 'Mine action is the core of mine clearance.', { title: 'Mine action' })),
  unit('a2', doc('a2', 'L’École de Genève, naïve café.')),
  unit('a3', doc('a3', 'Договор о запрещении кассетных боеприпасов')),
  unit('a4', doc('a4', '禁止集束弹药 条约 and اتفاقية الذخائر العنقودية')),
  unit('a5', doc('a5', LONG)),
  unit('a6', doc('a6', 'munitions, munitions and munitions')),
  unit(
    'a7',
    doc('a7', 'identical clause on stockpiles'),
    doc('a7b', 'identical clause on stockpiles'),
  ),
  // Accents as combining characters (text in Unicode's decomposed form).
  unit('a8', doc('a8', 'Re\u0301sume\u0301 de la de\u0301le\u0301gation')),
]

const filter = (q: string, over: Partial<SearchFilter> = {}): SearchFilter => ({
  match: ftsQuery(q) as string,
  kind: 'text',
  sources: ['text:current'],
  audiences: ['everyone'],
  limit: 20,
  ...over,
})

/** The words each hit's title and snippet mark, as written in the row. */
const marked = (raw: string): string[] => {
  const m = parseMarked(raw)
  return m.marks.map(([a, b]) => m.text.slice(a, b))
}

// The search index: one contract on every backend. What both guarantee: the same rows for the
// same words (case and Latin diacritics folded, the last word also a prefix, any script), only
// rows of the negotiation, kind, sources and audiences asked for, at most `limit`, the words
// marked in title and snippet, a snippet of at most 24 words cut with '…', best first by bm25
// (a row with the words more often in less text first). Rows that rank equal may come in any
// order (both backends happen to keep the order indexed). PostgreSQL computes bm25's statistics
// over the negotiation, FTS5 over the whole index: with several negotiations indexed, ranks may
// differ between the two (never the rows found).
describe.each(storageBackends)('search store on $name', (backend) => {
  let opened: OpenedBackend
  let storage: Storage
  const search = (q: string, over: Partial<SearchFilter> = {}, negotiationId = 'n') =>
    storage.search.search(negotiationId, filter(q, over))
  const refs = async (q: string, over: Partial<SearchFilter> = {}) =>
    (await search(q, over)).map((m) => m.refId)

  beforeEach(async () => {
    opened = await backend.open()
    storage = opened.storage
    await storage.createNegotiation({ id: 'n', name: 'N' }, [])
    await storage.search.write('n', 'text:current', TEXT)
  })
  afterEach(async () => {
    await opened.cleanup()
  })

  it('keeps digests and markers, replaces units whole and removes others', async () => {
    expect(await storage.search.digests('n', 'text:current')).toEqual(
      new Map(TEXT.map((u) => [u.unit, u.digest])),
    )
    expect(await storage.search.digests('n', 'proposals')).toEqual(new Map())
    expect(await storage.search.marker('n', 'text:current')).toBeNull()
    await storage.search.setMarker('n', 'text:current', 41)
    await storage.search.setMarker('n', 'text:current', 2 ** 40)
    expect(await storage.search.marker('n', 'text:current')).toBe(2 ** 40)
    expect(await storage.search.marker('other', 'text:current')).toBeNull()

    const changed = unit('a1', doc('a1', 'Victim assistance instead.'))
    await storage.search.write('n', 'text:current', [changed], ['a6', 'never-indexed'])
    expect(await refs('mine')).toEqual([])
    expect(await refs('assistance')).toEqual(['a1', 'a5'])
    expect(await refs('munitions')).toEqual(['a5'])
    // A NUL character in a text (which PostgreSQL's text cannot hold) leaves it searchable.
    await storage.search.write('n', 'text:current', [unit('a9', doc('a9', 'nul\u0000byte'))])
    expect(await refs('byte')).toEqual(['a9'])
    const digests = await storage.search.digests('n', 'text:current')
    expect(digests.get('a1')).toBe(changed.digest)
    expect(digests.has('a6')).toBe(false)
  })

  it('finds words in any case, without Latin accents, the last one as a prefix, and marks them', async () => {
    const mine = await search('MINE')
    expect(mine.map((m) => m.refId)).toEqual(['a1'])
    expect(parseMarked(mine[0]!.title)).toEqual({ text: 'Mine action', marks: [[0, 4]] })
    expect(parseMarked(mine[0]!.snippet)).toEqual({
      text: 'Mine action is the core of mine clearance.',
      marks: [
        [0, 4],
        [27, 31],
      ],
    })
    // While typing: the last word a prefix, the words before it whole.
    expect(marked((await search('mine act'))[0]!.snippet)).toEqual(['Mine', 'action', 'mine'])
    expect(await refs('mi act')).toEqual([])
    // Accents folded both ways.
    const ecole = await search('ecole geneve cafe')
    expect(ecole.map((m) => m.refId)).toEqual(['a2'])
    expect(marked(ecole[0]!.snippet)).toEqual(['École', 'Genève', 'café'])
    expect(await refs('naïve')).toEqual(['a2'])
    const decomposed = await search('résumé delegation')
    expect(decomposed.map((m) => m.refId)).toEqual(['a8'])
    expect(marked(decomposed[0]!.snippet)).toEqual(['Re\u0301sume\u0301', 'de\u0301le\u0301gation'])
  })

  it('takes a person’s quotes and FTS syntax as words', async () => {
    // Quotes are not a phrase: each word is required wherever it stands.
    const quoted = await search('"clearance mine"')
    expect(quoted.map((m) => m.refId)).toEqual(['a1'])
    expect(marked(quoted[0]!.snippet)).toEqual(['Mine', 'mine', 'clearance'])
    expect(await refs('"mine" OR "munitions"')).toEqual([])
    expect(await refs('title: NEAR(mine action) *')).toEqual([])
    expect(await refs('mine AND action')).toEqual([])
    expect(await refs('mine action')).toEqual(['a1'])
  })

  it('finds words of other scripts, folding case where the script has it', async () => {
    const treaty = await search('ДОГОВОР')
    expect(treaty.map((m) => m.refId)).toEqual(['a3'])
    expect(marked(treaty[0]!.snippet)).toEqual(['Договор'])
    expect(marked((await search('кассет'))[0]!.snippet)).toEqual(['кассетных'])
    const chinese = await search('条约')
    expect(chinese.map((m) => m.refId)).toEqual(['a4'])
    expect(marked(chinese[0]!.snippet)).toEqual(['条约'])
    // A run of Han characters is one word, found by its beginning.
    expect(marked((await search('禁止'))[0]!.snippet)).toEqual(['禁止集束弹药'])
    expect(await refs('集束')).toEqual([])
    expect(marked((await search('الذخائر'))[0]!.snippet)).toEqual(['الذخائر'])
  })

  it('cuts a long row to 24 words around the words found', async () => {
    const [deadline] = await search('deadline')
    const text = parseMarked(deadline!.snippet)
    expect(marked(deadline!.snippet)).toEqual(['deadline'])
    expect(text.text.match(/[\p{L}\p{N}]+/gu)?.length).toBeLessThanOrEqual(24)
    expect(text.text.endsWith('…')).toBe(true)
    // A window from the start of the sentence holding the words is preferred.
    const [later] = await search('victims discrimination')
    const cut = parseMarked(later!.snippet)
    expect(cut.text.startsWith('…Victims of cluster munitions get assistance')).toBe(true)
    expect(cut.text.endsWith('without discrimination among…')).toBe(true)
    expect(marked(later!.snippet)).toEqual(['Victims', 'discrimination'])
    // The last words of a row: the window ends with the row, its last characters kept.
    const [end] = await search('among the victims')
    expect(parseMarked(end!.snippet).text.endsWith('among the victims.')).toBe(true)
  })

  it('ranks by bm25, keeps to the limit, and answers rows that rank equal', async () => {
    // Three times in five words before once in fifty.
    expect(await refs('munitions')).toEqual(['a6', 'a5'])
    expect(await refs('munitions', { limit: 1 })).toEqual(['a6'])
    expect((await refs('identical')).sort()).toEqual(['a7', 'a7b'])
    expect(await refs('identical', { limit: 1 })).toHaveLength(1)
  })

  it('answers only the negotiation, kind, sources and audiences asked for', async () => {
    const proposal = (refId: string, audience: string) =>
      doc(refId, 'Mine clearance deadline extended', { kind: 'proposals', audience, clause: null })
    await storage.search.write('n', 'proposals', [
      unit('p1', proposal('p1', 'proposal:p1')),
      unit('p2', proposal('p2', 'everyone')),
    ])
    await storage.search.write('n', 'text:oslo', [unit('a1', doc('a1', 'Mine clearance, Oslo'))])
    await storage.search.write('other', 'text:current', [unit('a1', doc('a1', 'Mine clearance'))])

    const kinds = (kind: SearchKind, audiences: string[]) =>
      refs('mine clearance', { kind, sources: ['proposals'], audiences })
    expect(await kinds('proposals', ['everyone'])).toEqual(['p2'])
    expect((await kinds('proposals', ['everyone', 'proposal:p1'])).sort()).toEqual(['p1', 'p2'])
    expect(await kinds('proposals', [])).toEqual([])
    expect(await kinds('text', ['everyone', 'proposal:p1'])).toEqual([])
    expect(await refs('mine clearance')).toEqual(['a1'])
    expect(await refs('oslo')).toEqual([])
    expect(await refs('oslo', { sources: ['text:oslo'] })).toEqual(['a1'])
    expect(await refs('mine', { sources: [] })).toEqual([])
    expect((await search('mine clearance', {}, 'other')).map((m) => m.snippet)).toEqual([
      '\u0001Mine\u0002 \u0001clearance\u0002',
    ])
    expect(await search('mine', {}, 'nobody')).toEqual([])
    const [hit] = await search('deadline', { kind: 'proposals', sources: ['proposals'] })
    expect(hit).toEqual({
      source: 'proposals',
      kind: 'proposals',
      refId: 'p2',
      articleId: 'p2',
      clause: null,
      audience: 'everyone',
      label: 'Article p2',
      title: '',
      snippet: 'Mine clearance \u0001deadline\u0002 extended',
    })
  })

  it('keeps a unit once when several write it at once (instances indexing one change)', async () => {
    const again = unit('a1', doc('a1', 'Mine action, written again'))
    await Promise.all(
      Array.from({ length: 8 }, () => storage.search.write('n', 'text:current', [again])),
    )
    expect(await refs('mine')).toEqual(['a1'])
    expect(await refs('written')).toEqual(['a1'])
  })

  it('gives a room a version that grows with every stored change', async () => {
    const room = 'n/text'
    expect(await storage.search.roomVersion(room)).toBe(0)
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const versions: number[] = []
    for (const word of ['a', 'b', 'c']) {
      doc.getText('t').insert(0, word)
      await storage.appendUpdate(room, updates.at(-1)!)
      versions.push(await storage.search.roomVersion(room))
    }
    await storage.compactWith(room, Y.encodeStateAsUpdate(doc))
    versions.push(await storage.search.roomVersion(room))
    doc.getText('t').insert(0, 'd')
    await storage.appendUpdate(room, updates.at(-1)!)
    versions.push(await storage.search.roomVersion(room))
    expect(versions[0]).toBeGreaterThan(0)
    expect(versions[1]).toBeGreaterThan(versions[0]!)
    expect(versions[2]).toBeGreaterThan(versions[1]!)
    expect(versions[3]).toBeGreaterThanOrEqual(versions[2]!)
    expect(versions[4]).toBeGreaterThan(versions[3]!)
    expect(await storage.search.roomVersion('n/other')).toBe(0)
  })
})

// Beyond the contract: PostgreSQL ranks, marks and cuts as FTS5 does, so with one negotiation
// indexed the two backends give the very same answers, order and snippets included.
describe('search on PostgreSQL', () => {
  it('answers as SQLite’s FTS5 for texts and queries drawn at random', async () => {
    const opened = await Promise.all(storageBackends.map((b) => b.open()))
    try {
      const words = [
        'State',
        'party',
        'Partie',
        'états',
        'ÉTATS',
        'mine',
        'mines',
        'cluster',
        'munition',
        'munitions',
        'victim',
        'shall',
        'the',
        'of',
        'a',
        'Договор',
        'договоры',
        '条约',
        'حظر',
        'naïve',
        '2008',
        'x1',
      ]
      const gaps = [' ', ' ', ' ', ', ', '. ', ': ', '; ', ' (', ') ', ' — ', '\n', '-']
      let seed = 7
      const next = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648
        return seed % n
      }
      const text = (n: number) =>
        Array.from(
          { length: n },
          () => `${words[next(words.length)]}${gaps[next(gaps.length)]}`,
        ).join('')
      const units = Array.from({ length: 60 }, (_, i) =>
        unit(
          `u${i}`,
          i % 7 === 0
            ? doc(`u${i}`, 'identical state party text')
            : doc(`u${i}`, text(next(80)), { title: next(3) === 0 ? text(next(6)) : '' }),
        ),
      )
      const queries = [
        ...['"state party"', '"state party"*', '"договор"*', '"etats" "x1"', '"the of"'],
        ...Array.from({ length: 80 }, () =>
          ftsQuery(
            Array.from({ length: 1 + next(3) }, () => {
              const w = words[next(words.length)] as string
              return next(3) === 0 ? w.slice(0, 1 + next(w.length)) : w
            }).join(' '),
          ),
        ),
      ]
      const answers = await Promise.all(
        opened.map(async ({ storage }) => {
          await storage.search.write('n', 'text:current', units)
          const out = []
          for (const match of queries) {
            out.push(await storage.search.search('n', { ...filter('x'), match: match as string }))
          }
          return out
        }),
      )
      expect(answers[0]?.filter((a) => a.length > 0).length).toBeGreaterThan(40)
      expect(answers[1]).toEqual(answers[0])
    } finally {
      await Promise.all(opened.map((o) => o.cleanup()))
    }
  })
})
