import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { articleText } from '../../shared/domain/articleText'
import { treatyView } from '../../shared/domain/export/nest'
import { toHtml } from '../../shared/domain/export/textHtml'
import { outlineOf } from '../../shared/domain/numbering'
import { rangeRefusal } from '../../shared/domain/proposals/incorporate'
import { resolveQuote } from '../../shared/domain/proposals/scenario'
import {
  fillStructureGaps,
  structureGaps,
  structureKept,
  wordingGaps,
} from '../../shared/domain/structure'
import { treatySchema } from '../../shared/schema'
import {
  article,
  article_title,
  doc,
  numbered_paragraph,
  paragraph,
  preamble,
  subparagraph,
  title,
  treaty,
} from '../support/builders'

function fragmentOf(node: Node): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('prosemirror')
  prosemirrorToYXmlFragment(node, fragment)
  return fragment
}

const read = (fragment: Y.XmlFragment) => yXmlFragmentToProseMirrorRootNode(fragment, treatySchema)

let ids = 0
const freshId = () => `art-fresh${ids++}`

// What the server does after a client's update: find the gaps, fill them in one transaction.
function restore(fragment: Y.XmlFragment) {
  const gaps = structureGaps(fragment)
  ;(fragment.doc as Y.Doc).transact(() => fillStructureGaps(fragment, gaps, freshId))
  return gaps
}

// A text as a merge can leave it: an emptied preamble and an article without its title.
const merged = () =>
  doc(
    title('T'),
    preamble(),
    article('a', numbered_paragraph('shall apply'), subparagraph('to all')),
  )

describe('the structure a text needs, restored by the server', () => {
  it('finds an empty preamble and an untitled article, and fills them once, adding only', () => {
    const fragment = fragmentOf(merged())
    expect(structureGaps(fragment)).toEqual([
      { kind: 'preamble-paragraph' },
      { kind: 'article-title', index: 2 },
    ])
    restore(fragment)
    expect(structureGaps(fragment)).toEqual([])
    expect(restore(fragment)).toEqual([])
    const after = read(fragment)
    after.check()
    expect(after.toJSON()).toEqual(
      doc(
        title('T'),
        preamble(paragraph()),
        article('a', article_title(), numbered_paragraph('shall apply'), subparagraph('to all')),
      ).toJSON(),
    )
  })

  it('puts a missing title and preamble first, in that order', () => {
    const fragment = fragmentOf(doc(article('a', article_title('Scope'))))
    expect(restore(fragment).map((g) => g.kind)).toEqual(['title', 'preamble'])
    expect(read(fragment).toJSON()).toEqual(
      doc(title(), preamble(paragraph()), article('a', article_title('Scope'))).toJSON(),
    )
  })

  it('gives an article whose id an earlier one holds a fresh id', () => {
    const fragment = fragmentOf(
      doc(
        title('T'),
        preamble(paragraph()),
        article('a', article_title('X')),
        article('a', article_title('Y')),
      ),
    )
    expect(structureGaps(fragment)).toEqual([{ kind: 'article-id', index: 3 }])
    restore(fragment)
    expect(outlineOf(read(fragment)).map((a) => a.id)).toEqual(['a', 'art-fresh0'])
  })

  it('gives an emptied draft one clause', () => {
    const fragment = new Y.Doc().getXmlFragment('prosemirror')
    expect(wordingGaps(fragment)).toEqual([{ kind: 'wording-clause' }])
  })
})

describe('readers of a text whose article has no title', () => {
  const text = merged()
  const clause = text.child(2).firstChild as Node

  it('read its title as empty and label every clause', () => {
    expect(outlineOf(text)).toMatchObject([{ id: 'a', number: 1, title: '' }])
    expect(articleText(text, 'a')).toBe('1. shall apply\n(a) to all')
    expect(treatyView(text).articles[0]).toMatchObject({ title: '', clauses: [{ label: '1.' }] })
    expect(toHtml(text, { title: 'T' })).not.toContain('class="heading"')
  })

  it('let a proposal anchor in its first clause', () => {
    const start = text.child(0).nodeSize + text.child(1).nodeSize + 2
    expect(rangeRefusal(text, 'a', start, start + clause.content.size)).toBeNull()
    expect(resolveQuote(text, 'a', 'shall apply')).toEqual({
      from: start,
      to: start + 'shall apply'.length,
    })
  })
})

describe('the editor keeps what only the server adds', () => {
  const before = treaty(article('a', article_title('Scope'), numbered_paragraph('x')))
  const [titleEnd, articlePos] = [
    before.child(0).nodeSize,
    before.child(0).nodeSize + before.child(1).nodeSize,
  ]

  it('refuses to remove the title, the preamble or the title of an article that stays', () => {
    expect(structureKept(before, before.replace(0, titleEnd, before.slice(0, 0)))).toBe(false)
    const noPreamble = before.replace(titleEnd, articlePos, before.slice(0, 0))
    expect(structureKept(before, noPreamble)).toBe(false)
    const titleSize = before.child(2).child(0).nodeSize
    const untitled = before.replace(articlePos + 1, articlePos + 1 + titleSize, before.slice(0, 0))
    expect(structureKept(before, untitled)).toBe(false)
  })

  it('lets a whole article go, title and all', () => {
    const gone = before.replace(articlePos, before.content.size, before.slice(0, 0))
    expect(structureKept(before, gone)).toBe(true)
  })
})
