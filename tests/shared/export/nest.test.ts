import { describe, expect, it } from 'vitest'
import {
  clausesOf,
  nestClauses,
  plain,
  treatyView,
  type ViewBlock,
} from '../../../shared/domain/export'
import {
  article,
  article_title,
  item,
  numbered_paragraph,
  paragraph,
  subparagraph,
} from '../../support/builders'
import { ccmDoc } from './ccm'

const shape = (blocks: readonly ViewBlock[]): unknown =>
  clausesOf(blocks).map((c) => (c.children.length ? [c.label, shape(c.children)] : c.label))

describe('nestClauses', () => {
  it('puts subparagraphs under their paragraph and items under their subparagraph', () => {
    const a = article(
      'art-x',
      article_title('T'),
      paragraph('Intro:'),
      numbered_paragraph('One'),
      numbered_paragraph('Two:'),
      subparagraph('a'),
      subparagraph('b'),
      item('i'),
      item('ii'),
      numbered_paragraph('Three'),
    )
    expect(shape(nestClauses(a))).toEqual([
      '',
      '1.',
      ['2.', ['(a)', ['(b)', ['(i)', '(ii)']]]],
      '3.',
    ])
  })

  it('keeps a clause with nothing shallower before it at the top, and items under a paragraph', () => {
    const a = article(
      'art-x',
      article_title('T'),
      subparagraph('a'),
      numbered_paragraph('1'),
      item('i'),
    )
    expect(shape(nestClauses(a))).toEqual(['(a)', ['1.', ['(i)']]])
  })

  it('reads emphasis as runs', () => {
    const a = article('art-x', article_title('T'), numbered_paragraph('shall ', 'not'))
    const [clause] = clausesOf(nestClauses(a))
    expect(plain(clause?.runs ?? [])).toBe('shall not')
  })

  it('nests Article 2 of the Convention: 15 definitions, 2(2)(c)(i)-(v)', () => {
    const view = treatyView(ccmDoc())
    expect(view.articles).toHaveLength(23)
    const art2 = view.articles[1]
    expect(art2?.title).toBe('Definitions')
    const numbered = clausesOf(art2?.clauses ?? []).filter((c) => c.type === 'numbered_paragraph')
    expect(numbered).toHaveLength(15)
    const para2 = numbered[1]
    expect(clausesOf(para2?.children ?? []).map((c) => c.label)).toEqual(['(a)', '(b)', '(c)'])
    expect(
      clausesOf(clausesOf(para2?.children ?? [])[2]?.children ?? []).map((c) => c.label),
    ).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)'])
  })
})
