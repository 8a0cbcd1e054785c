import { describe, expect, it } from 'vitest'
import { outlineOf } from '../../shared/domain/numbering'
import {
  sameAnchors,
  sameCleaning,
  sameOutline,
  type Anchors,
} from '../../client/src/features/text/textSelectors'
import { cleaningByArticle } from '../../client/src/features/outline/cleaning'
import { article, article_title, numbered_paragraph, treaty } from '../support/builders'

// The text page's selectors tell a keystroke that changes structure from one that only moves
// positions (issue 15): equal values are kept, so the outline and panels do not re-render.
const text = (first: string, secondTitle = 'Storage') =>
  treaty(
    article('art-1', article_title('Scope'), numbered_paragraph(first)),
    article('art-2', article_title(secondTitle), numbered_paragraph('Each State Party shall')),
  )

describe('the outline as the text page keeps it', () => {
  it('is the same when only the wording of an earlier article grew', () => {
    const before = outlineOf(text('This Convention applies'))
    const after = outlineOf(text('This Convention applies to all'))
    expect(after[1]!.pos).not.toBe(before[1]!.pos)
    expect(sameOutline(before, after)).toBe(true)
  })

  it('changes with a title, an article more, or another order', () => {
    const before = outlineOf(text('This Convention applies'))
    expect(sameOutline(before, outlineOf(text('This Convention applies', 'Stockpiles')))).toBe(
      false,
    )
    expect(sameOutline(before, before.slice(1))).toBe(false)
    expect(sameOutline(before, [...before].reverse())).toBe(false)
  })

  it('counts brackets per article id, the same counts being equal', () => {
    const a = cleaningByArticle(text('This Convention applies'))
    const b = cleaningByArticle(text('This Convention applies to all'))
    expect([...a.keys()]).toEqual(['art-1', 'art-2'])
    expect(sameCleaning(a, b)).toBe(true)
    expect(sameCleaning(a, new Map([...a].slice(1)))).toBe(false)
  })
})

describe('the proposals and notes as the panels show them', () => {
  // Anchors over a plain string: positions are offsets into it.
  const anchors = (words: string, at: Record<string, [number, number]>): Anchors => ({
    doc: null,
    placements: new Map(Object.entries(at).map(([id, [from, to]]) => [id, { from, to }])),
    notePlacements: new Map(),
    wordsAt: ({ from, to }) => words.slice(from, to),
  })

  it('are the same when text typed before them only moved them', () => {
    const before = anchors('shall not apply', { p1: [6, 9] })
    const after = anchors('xx shall not apply', { p1: [9, 12] })
    expect(sameAnchors(before, after)).toBe(true)
  })

  it('change when the words under one change, or two stop overlapping', () => {
    const before = anchors('shall not apply', { p1: [6, 9], p2: [0, 9] })
    expect(sameAnchors(before, anchors('shall now apply', { p1: [6, 9], p2: [0, 9] }))).toBe(false)
    expect(sameAnchors(before, anchors('shall not apply', { p1: [6, 9], p2: [0, 5] }))).toBe(false)
  })
})
