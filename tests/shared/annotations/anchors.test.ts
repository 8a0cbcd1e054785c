import { prosemirrorToYXmlFragment, initProseMirrorDoc } from 'y-prosemirror'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  anchorPositions,
  classifyAnchor,
  makeAnchor,
  type TextBinding,
} from '../../../shared/domain/annotations/anchors'
import { TEXT_FRAGMENT } from '../../../shared/collab'
import { treatySchema } from '../../../shared/schema'
import { article, article_title, numbered_paragraph, treaty } from '../../support/builders'

const text = treaty(
  article(
    'art-1',
    article_title('Scope'),
    numbered_paragraph('It shall <a>not<b> apply to mines.'),
  ),
)

// A Y.Doc holding the treaty, and a binding to read it as ProseMirror does.
function room() {
  const ydoc = new Y.Doc()
  prosemirrorToYXmlFragment(text, ydoc.getXmlFragment(TEXT_FRAGMENT))
  const bind = () => {
    const type = ydoc.getXmlFragment(TEXT_FRAGMENT)
    const { doc, mapping } = initProseMirrorDoc(type, treatySchema)
    return { binding: { doc: ydoc, type, mapping } satisfies TextBinding, doc }
  }
  const clause = () => {
    const art = ydoc.getXmlFragment(TEXT_FRAGMENT).get(2) as Y.XmlElement
    return (art.get(1) as Y.XmlElement).get(0) as Y.XmlText
  }
  return { ydoc, bind, clause }
}

const place = (r: ReturnType<typeof room>, anchor: ReturnType<typeof makeAnchor>) => {
  const { binding, doc } = r.bind()
  return classifyAnchor(doc, anchorPositions(binding, anchor), anchor.quote)
}

describe('annotation anchors', () => {
  const { a = 0, b = 0 } = (text as typeof text & { tag: Record<string, number> }).tag

  it('keeps to its words when text is typed right before and right after them', () => {
    const r = room()
    const { binding, doc } = r.bind()
    const anchor = makeAnchor(binding, doc, a, b)
    expect(anchor.quote).toBe('not')
    const at = r.clause().toString().indexOf('not')
    r.clause().insert(at + 3, ' yet')
    r.clause().insert(at, 'perhaps ')
    expect(place(r, anchor)).toMatchObject({ state: 'ok', text: 'not' })
  })

  it('shows edited words as they are now, and orphans an anchor whose words are all gone', () => {
    const r = room()
    const { binding, doc } = r.bind()
    const anchor = makeAnchor(binding, doc, a - 6, b) // "shall not"
    const at = r.clause().toString().indexOf('shall not')
    r.clause().insert(at + 6, 'never, ')
    r.clause().delete(at + 13, 3)
    expect(place(r, anchor)).toMatchObject({ state: 'ok', text: 'shall never, ' })
    r.clause().delete(at, 'shall never, '.length)
    expect(place(r, anchor)).toEqual({ state: 'orphaned' })
  })

  it('orphans a range left with spaces or punctuation only, unless it never had words', () => {
    const doc = text
    expect(classifyAnchor(doc, { from: a - 1, to: a }, 'not')).toEqual({ state: 'orphaned' })
    expect(classifyAnchor(doc, { from: a - 1, to: a }, ' ')).toMatchObject({
      state: 'ok',
      text: ' ',
    })
    expect(classifyAnchor(doc, { from: a, to: a }, 'not')).toEqual({ state: 'orphaned' })
    expect(classifyAnchor(doc, { from: null, to: b }, 'not')).toEqual({ state: 'orphaned' })
    expect(classifyAnchor(doc, { from: b, to: a }, 'not')).toEqual({ state: 'orphaned' })
    expect(classifyAnchor(doc, { from: a, to: 10_000 }, 'not')).toEqual({ state: 'orphaned' })
  })

  it('orphans a malformed anchor instead of throwing', () => {
    const r = room()
    expect(place(r, { start: { nonsense: true }, end: 42, quote: 'not' })).toEqual({
      state: 'orphaned',
    })
  })
})
