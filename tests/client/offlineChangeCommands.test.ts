import type { Node } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { initProseMirrorDoc, prosemirrorToYXmlFragment, updateYFragment } from 'y-prosemirror'
import * as Y from 'yjs'
import { applyOfflineChangeTr } from '../../client/src/editor/commands/offlineChangeCommands'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { applyOfflineChange, offlineChanges } from '../../shared/domain/offlineChanges'
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

const art = (id: string, heading: string, ...words: string[]) =>
  article(id, article_title(heading), ...words.map((w) => numbered_paragraph(w)))
const a1 = art('a1', 'Scope', 'This applies.')
const a2 = art('a2', 'Definitions', 'A munition means a thing.')
const a3 = art('a3', 'Obligations', 'Each Party shall act.', 'It shall report.')
const base = treaty(a1, a2, a3)
const state = (d: Node) => EditorState.create({ schema: treatySchema, doc: d })

// The position just inside the article with this id.
function inside(d: Node, id: string): number {
  let at = -1
  d.forEach((n, pos) => {
    if (at < 0 && n.attrs.id === id) at = pos + 1
  })
  return at
}

describe('applyOfflineChangeTr', () => {
  it('gives the domain’s document for each kind of change, on a text changed elsewhere', () => {
    const a4 = art('a4', 'New', 'Added offline.')
    const local = doc(
      title('T2'),
      preamble(paragraph('Noting')),
      a4,
      art('a1', 'Scope', 'This applies now.'),
      a3,
    )
    const current = treaty(a1, a2, art('a3', 'Obligations', 'Each Party shall act at once.'))
    let s = state(current)
    for (const change of offlineChanges(base, local)) {
      const expected = applyOfflineChange(s.doc, change)
      const tr = applyOfflineChangeTr(s, change)
      expect(tr).not.toBeNull()
      expect(expected.ok && tr!.doc.eq(expected.doc), change.id).toBe(true)
      s = s.apply(tr!)
    }
    expect(s.doc.child(4).eq(current.child(4))).toBe(true)
  })

  it('rewrites a changed article inside it, leaving other positions where they were', () => {
    const edited = art('a2', 'Definitions', 'A munition means a device.')
    const [change] = offlineChanges(base, treaty(a1, edited, a3))
    const s = state(base)
    const tr = applyOfflineChangeTr(s, change!)!
    expect(tr.steps).toHaveLength(1)
    const inA1 = inside(base, 'a1') + 3
    const inA2 = inside(base, 'a2')
    expect(tr.mapping.map(inA1)).toBe(inA1)
    // The article's node stays: its content changed, not the node.
    expect(tr.mapping.mapResult(inA2 - 1).deletedAfter).toBe(false)
    expect(tr.mapping.mapResult(inA2).deletedBefore).toBe(false)
    const shift = edited.nodeSize - a2.nodeSize
    const inA3 = inside(base, 'a3') + 2
    expect(tr.mapping.map(inA3)).toBe(inA3 + shift)
  })

  it('sets a fixed label changed offline without rewriting the content twice', () => {
    const relabelled = a2.type.create({ ...a2.attrs, label: '2bis' }, a2.content)
    const [change] = offlineChanges(base, treaty(a1, relabelled, a3))
    const tr = applyOfflineChangeTr(state(base), change!)!
    expect(tr.doc.child(3).attrs.label).toBe('2bis')
    expect(tr.doc.child(3).content.eq(a2.content)).toBe(true)
  })

  it('inserts an added article and deletes a deleted one as one node', () => {
    const a4 = art('a4', 'New', 'Added.')
    const [deleted, added] = offlineChanges(base, treaty(a1, a4, a3))
    const tr = applyOfflineChangeTr(state(base), added!)!
    expect(tr.steps).toHaveLength(1)
    expect(tr.doc.child(3).attrs.id).toBe('a4')
    expect(tr.mapping.map(inside(base, 'a2'))).toBe(inside(base, 'a2') + a4.nodeSize)
    const del = applyOfflineChangeTr(state(base), deleted!)!
    expect(del.doc.eq(treaty(a1, a3))).toBe(true)
    // Already gone: nothing to do, and no refusal.
    expect(applyOfflineChangeTr(state(treaty(a1, a3)), deleted!)?.steps).toEqual([])
  })

  it('refuses what the domain refuses', () => {
    const [change] = offlineChanges(base, treaty(a1, art('a2', 'D', 'x'), a3))
    expect(applyOfflineChangeTr(state(treaty(a1, a3)), change!)).toBeNull()
  })

  it('makes y-prosemirror write only the changed article', () => {
    const ydoc = new Y.Doc()
    const fragment = ydoc.getXmlFragment(TEXT_FRAGMENT)
    // Many articles, so that a rewrite of the whole text would show in the update's size.
    const many = treaty(
      ...Array.from({ length: 40 }, (_, i) =>
        art(`m${i}`, `Title ${i}`, `The words of article ${i} stay as they are.`),
      ),
    )
    prosemirrorToYXmlFragment(many, fragment)
    const edited = art('m7', 'Title 7', 'The words of article 7 changed offline.')
    const local = many.copy(many.content.replaceChild(9, edited))
    const [change] = offlineChanges(many, local)
    const { doc: pm, meta } = initProseMirrorDoc(fragment, treatySchema)
    const elements = fragment.toArray()
    const tr = applyOfflineChangeTr(state(pm), change!)!
    const vector = Y.encodeStateVector(ydoc)
    ydoc.transact(() => updateYFragment(ydoc, fragment, tr.doc, meta))
    const update = Y.encodeStateAsUpdate(ydoc, vector)
    expect(update.byteLength).toBeLessThan(Y.encodeStateAsUpdate(ydoc).byteLength / 10)
    expect(fragment.toArray().every((e, i) => e === elements[i])).toBe(true)
    expect(initProseMirrorDoc(fragment, treatySchema).doc.eq(local)).toBe(true)
  })

  it('matches the domain on seeded random change sets', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(seed)
      const arts = Array.from({ length: 6 }, (_, i) => art(`b${i}`, `T${i}`, `words ${i}`))
      const local = treaty(
        ...arts.flatMap((a, i) => {
          const r = Math.floor(next() * 4)
          if (r === 0) return []
          if (r === 1) return [art(`b${i}`, `T${i}`, `edited ${seed}`)]
          if (r === 2) return [a, art(`n${i}`, 'New', `new ${i}`)]
          return [a]
        }),
      )
      let s = state(treaty(...arts))
      for (const change of offlineChanges(s.doc, local))
        s = s.apply(applyOfflineChangeTr(s, change)!)
      expect(s.doc.eq(local), `seed ${seed}`).toBe(true)
    }
  })
})
