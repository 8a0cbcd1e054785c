import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { findArticleNode } from '../../shared/domain/articleText'
import {
  againstCurrent,
  applyOfflineChange,
  changeHeading,
  localCopyText,
  offlineChanges,
  offlineDiff,
  partText,
  type OfflineChange,
} from '../../shared/domain/offlineChanges'
import { treatySchema } from '../../shared/schema'
import {
  article,
  article_title,
  doc,
  numbered_paragraph,
  paragraph,
  preamble,
  title,
  treaty,
} from '../support/builders'
import { random } from '../support/random'

const schema = treatySchema
const art = (id: string, heading: string, ...words: string[]) =>
  article(id, article_title(heading), ...words.map((w) => numbered_paragraph(w)))
const withLabel = (node: Node, attrs: Record<string, unknown>) =>
  node.type.create({ ...node.attrs, ...attrs }, node.content)
const heading = (id: string, text: string) =>
  schema.nodes.heading!.create({ id, kind: 'chapter' }, schema.text(text))

const a1 = art('a1', 'Scope', 'This applies.')
const a2 = art('a2', 'Definitions', 'A munition means a thing.')
const a3 = art('a3', 'Obligations', 'Each Party shall act.', 'It shall report.')
const base = treaty(a1, a2, a3)

// A change's JSON as JSON would carry it (storage, IndexedDB).
const viaJson = (c: OfflineChange): OfflineChange => JSON.parse(JSON.stringify(c))

function applyAll(text: Node, changes: OfflineChange[]): Node {
  let out = text
  for (const c of changes) {
    const r = applyOfflineChange(out, viaJson(c))
    if (!r.ok) throw new Error(`${c.id}: ${r.reason}`)
    out = r.doc
  }
  return out
}

describe('offlineChanges', () => {
  it('finds nothing when the texts are the same', () => {
    expect(offlineChanges(base, treaty(a1, a2, a3))).toEqual([])
  })

  it('names a changed article by its label, with both wordings as JSON that parse', () => {
    const edited = art('a3', 'Obligations', 'Each Party shall act promptly.', 'It shall report.')
    const [c, ...rest] = offlineChanges(base, treaty(a1, a2, edited))
    expect(rest).toEqual([])
    expect(c).toMatchObject({
      id: 'article:a3',
      part: { kind: 'article', articleId: 'a3' },
      change: 'changed',
      label: 'Article 3',
      after: null,
    })
    expect(schema.nodeFromJSON(c!.base).eq(a3)).toBe(true)
    expect(schema.nodeFromJSON(c!.local).eq(edited)).toBe(true)
    expect(changeHeading(c!)).toBe('Article 3 — changed offline')
  })

  it('lists title, preamble, then articles in the local order, a deletion right after the article it followed', () => {
    const a4 = art('a4', 'New', 'Added offline.')
    const local = doc(
      title('T2'),
      preamble(paragraph('Recalling more')),
      withLabel(a1, { bracketed: true }),
      a4,
      a3,
    )
    const changes = offlineChanges(base, local)
    expect(changes.map((c) => [c.id, c.change, c.label])).toEqual([
      ['title', 'changed', 'Title'],
      ['preamble', 'changed', 'Preamble'],
      ['article:a1', 'changed', 'Article 1'],
      ['article:a2', 'deleted', 'Article 2'],
      ['article:a4', 'added', 'Article 2'],
    ])
    expect(changes.find((c) => c.id === 'article:a4')?.after).toBe('a1')
    expect(changes.find((c) => c.id === 'article:a2')).toMatchObject({ local: null })
  })

  it('puts an article added before all others after null, and one deleted first at the top', () => {
    const a0 = art('a0', 'First', 'Before all.')
    const changes = offlineChanges(base, treaty(a0, a2, a3))
    expect(changes.map((c) => [c.id, c.change, c.after])).toEqual([
      ['article:a1', 'deleted', null],
      ['article:a0', 'added', null],
    ])
    expect(changes[1]?.base).toBeNull()
  })

  it('labels by fixed labels once numbers are frozen', () => {
    const frozen = treaty(withLabel(a1, { label: '1' }), withLabel(a2, { label: '2' }), a3)
    const edited = art('a3', 'Obligations', 'Changed.')
    const [c] = offlineChanges(frozen, treaty(frozen.child(2), frozen.child(3), edited))
    expect(c?.label).toBe('Article 2 bis')
  })
})

describe('againstCurrent', () => {
  const edited = art('a2', 'Definitions', 'A munition means a device.')
  const [change] = offlineChanges(base, treaty(a1, edited, a3))

  it('says whether the part changed on the server meanwhile', () => {
    expect(againstCurrent(change!, base)).toEqual({ current: a2, changedMeanwhile: false })
    const other = art('a2', 'Definitions', 'A munition means an object.')
    const now = againstCurrent(change!, treaty(a1, other, a3))
    expect(now.current?.eq(other)).toBe(true)
    expect(now.changedMeanwhile).toBe(true)
    // Changes elsewhere are not this part's.
    expect(againstCurrent(change!, treaty(a1, a2)).changedMeanwhile).toBe(false)
  })

  it('counts an article deleted meanwhile, and one added under the same id, as changed', () => {
    expect(againstCurrent(change!, treaty(a1, a3))).toEqual({
      current: null,
      changedMeanwhile: true,
    })
    const a9 = art('a9', 'Nine', 'Nine.')
    const [added] = offlineChanges(base, treaty(a1, a2, a3, a9))
    expect(againstCurrent(added!, base).changedMeanwhile).toBe(false)
    expect(againstCurrent(added!, treaty(a1, a2, a3, a9)).changedMeanwhile).toBe(true)
  })
})

describe('applyOfflineChange', () => {
  it('gives back the local text when applied to the base, each kind', () => {
    const a4 = art('a4', 'New', 'Added offline.')
    const local = doc(
      title('T2'),
      preamble(paragraph('Noting')),
      a4,
      a1,
      withLabel(a3, { label: '3' }),
    )
    const changes = offlineChanges(base, local)
    expect(changes.map((c) => c.change).sort()).toEqual([
      'added',
      'changed',
      'changed',
      'changed',
      'deleted',
    ])
    expect(applyAll(base, changes).eq(local)).toBe(true)
  })

  it('leaves other articles as the current text has them, and keeps attributes changed meanwhile', () => {
    const edited = art('a2', 'Definitions', 'A munition means a device.')
    const [change] = offlineChanges(base, treaty(a1, edited, a3))
    const otherA1 = art('a1', 'Scope', 'This applies everywhere.')
    const current = treaty(
      otherA1,
      withLabel(a2, { bracketed: true }),
      a3,
      art('a5', 'Five', 'Five.'),
    )
    const r = applyOfflineChange(current, change!)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const applied = findArticleNode(r.doc, 'a2')!
    expect(applied.content.eq(edited.content)).toBe(true)
    expect(applied.attrs.bracketed).toBe(true)
    expect(r.doc.child(2).eq(otherA1)).toBe(true)
    expect(r.doc.childCount).toBe(current.childCount)
    expect(findArticleNode(r.doc, 'a5')).not.toBeNull()
  })

  it('takes a fixed label or bracket the chair changed offline', () => {
    const local = treaty(a1, withLabel(a2, { label: '2bis', bracketed: true }), a3)
    const [change] = offlineChanges(base, local)
    const r = applyOfflineChange(treaty(a1, a2, a3), change!)
    expect(r.ok && findArticleNode(r.doc, 'a2')!.attrs).toEqual({
      id: 'a2',
      label: '2bis',
      bracketed: true,
    })
  })

  it('refuses a changed article gone from the current text, and JSON that is not a part', () => {
    const [change] = offlineChanges(base, treaty(a1, art('a2', 'D', 'x'), a3))
    expect(applyOfflineChange(treaty(a1, a3), change!)).toEqual({
      ok: false,
      reason: 'part-missing',
    })
    const broken = { ...change!, local: { type: 'article', content: [{ type: 'nonsense' }] } }
    expect(applyOfflineChange(base, broken)).toEqual({ ok: false, reason: 'invalid' })
    const wrongId = { ...change!, local: a1.toJSON() }
    expect(applyOfflineChange(base, wrongId)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('inserts an added article after its predecessor, else after the last article', () => {
    const a4 = art('a4', 'New', 'Added.')
    const [added] = offlineChanges(base, treaty(a1, a4, a2, a3))
    const at = (d: Node) => (applyOfflineChange(d, added!) as { doc: Node }).doc
    const ids = (d: Node) => {
      const out: string[] = []
      d.forEach(
        (n) =>
          n.type.name !== 'title' && n.type.name !== 'preamble' && out.push(String(n.attrs.id)),
      )
      return out
    }
    const chaptered = doc(title('T'), preamble(paragraph('P')), a1, heading('h1', 'Chapter II'), a2)
    expect(ids(at(chaptered))).toEqual(['a1', 'a4', 'h1', 'a2'])
    expect(ids(at(treaty(a2, a3, heading('h9', 'End'))))).toEqual(['a2', 'a3', 'a4', 'h9'])
    expect(ids(at(doc(title('T'), preamble(paragraph('P')))))).toEqual(['a4'])
    // Already there (applied twice): replaced, not doubled.
    expect(ids(at(at(base)))).toEqual(['a1', 'a4', 'a2', 'a3'])
  })

  it('puts an article added first before the first article, under its heading', () => {
    const a0 = art('a0', 'Zero', 'Zero.')
    const [added] = offlineChanges(base, treaty(a0, a1, a2, a3))
    const current = doc(title('T'), preamble(paragraph('P')), heading('h1', 'Part I'), a1)
    const r = applyOfflineChange(current, added!)
    expect(r.ok && r.doc.child(3).attrs.id).toBe('a0')
  })

  it('removes a deleted article, and is fine when it is already gone', () => {
    const [deleted] = offlineChanges(base, treaty(a1, a3))
    const r = applyOfflineChange(base, deleted!)
    expect(r.ok && r.doc.eq(treaty(a1, a3))).toBe(true)
    const gone = treaty(a1, a3)
    expect(applyOfflineChange(gone, deleted!)).toEqual({ ok: true, doc: gone })
  })

  it('puts a title and preamble back where the current text lacks them', () => {
    const local = doc(title('New title'), preamble(paragraph('New preamble')), a1, a2, a3)
    const changes = offlineChanges(base, local)
    const bare = doc(a1, a2, a3)
    expect(applyAll(bare, changes).eq(local)).toBe(true)
  })

  it('survives seeded random offline edits applied onto a text that changed elsewhere', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed)
      const pick = (n: number) => Math.floor(next() * n)
      const n = 2 + pick(6)
      const baseArts = Array.from({ length: n }, (_, i) => art(`b${i}`, `T${i}`, `words ${i}`))
      const start = treaty(...baseArts)
      // Offline: each article kept, edited, relabelled or deleted; some added anywhere.
      const localArts: Node[] = []
      const touched = new Set<string>()
      baseArts.forEach((a, i) => {
        const r = pick(5)
        if (r === 0) touched.add(`b${i}`)
        else if (r === 1) {
          localArts.push(art(`b${i}`, `T${i}`, `words ${i} edited ${seed}`))
          touched.add(`b${i}`)
        } else if (r === 2) {
          localArts.push(withLabel(a, { bracketed: true }))
          touched.add(`b${i}`)
        } else localArts.push(a)
        if (pick(4) === 0) localArts.push(art(`n${seed}-${i}`, 'New', `new ${i}`))
      })
      const local = treaty(...localArts)
      const changes = offlineChanges(start, local)
      expect(applyAll(start, changes).eq(local), `seed ${seed}`).toBe(true)
      // Meanwhile on the server: articles the chair left alone were edited.
      const current = treaty(
        ...baseArts.map((a, i) =>
          touched.has(`b${i}`) ? a : art(`b${i}`, `T${i}`, `server ${i}`),
        ),
      )
      const merged = applyAll(current, changes)
      merged.check()
      for (const a of localArts) {
        const id = String(a.attrs.id)
        const want = touched.has(id) || id.startsWith('n') ? a : findArticleNode(current, id)
        expect(findArticleNode(merged, id)?.eq(want!), `seed ${seed} ${id}`).toBe(true)
      }
      expect(merged.childCount, `seed ${seed}`).toBe(local.childCount)
    }
  })
})

describe('the wording shown and exported', () => {
  it('reads an article as its heading and clauses, brackets and fixed label included', () => {
    expect(partText(a3, 'Article 3')).toBe(
      'Article 3 — Obligations\n1. Each Party shall act.\n2. It shall report.',
    )
    expect(partText(withLabel(a3, { label: '3bis', bracketed: true }), 'Article 3')).toMatch(
      /^\[Article 3bis\] — Obligations\n/,
    )
    expect(partText(preamble(paragraph('Recalling'), paragraph('Noting')), 'Preamble')).toBe(
      'Recalling\nNoting',
    )
    expect(partText(null, 'x')).toBe('')
  })

  it('diffs the current wording against the offline one', () => {
    const edited = art('a3', 'Obligations', 'Each Party shall act promptly.', 'It shall report.')
    const [change] = offlineChanges(base, treaty(a1, a2, edited))
    // Limits no busy machine reaches: the diff's cut-off is timed, and this test is about words.
    const diff = offlineDiff(change!, base, { wordMs: 60_000, paragraphMs: 60_000 })
    expect(diff.granularity).toBe('word')
    expect(diff.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual([
      'promptly',
    ])
    expect(diff.paragraphs.map((p) => p.op)).toEqual(['equal', 'changed', 'equal'])
    const [deleted] = offlineChanges(base, treaty(a1, a3))
    expect(offlineDiff(deleted!, base).parts.every((p) => p.op === 'delete')).toBe(true)
  })

  it('exports every entry with its local wording', () => {
    const a4 = art('a4', 'New', 'Added offline.')
    const text = localCopyText(offlineChanges(base, treaty(a1, a4, a3)))
    expect(text).toBe(
      [
        'Changes made offline',
        '',
        'Article 2 — deleted offline',
        '',
        'Deleted while offline.',
        '',
        'Article 2 — added offline',
        '',
        'Article 2 — New',
        '1. Added offline.',
        '',
      ].join('\n'),
    )
  })
})
