import { describe, expect, it } from 'vitest'
import { treatySchema } from '../../shared/schema'
import { clauseLabels, outlineOf, toLetters, toRoman } from '../../shared/domain/numbering'
import {
  article,
  article_title,
  item,
  numbered_paragraph,
  paragraph,
  subparagraph,
  treaty,
} from '../support/builders'

describe('numbering', () => {
  it('numbers articles by position, keeping their ids', () => {
    const a = article('art-a', article_title('Scope'))
    const c = article('art-c', article_title('Definitions'))
    const before = outlineOf(treaty(a, c))
    expect(before.map((x) => [x.number, x.id, x.title])).toEqual([
      [1, 'art-a', 'Scope'],
      [2, 'art-c', 'Definitions'],
    ])
    // Inserting an article before renumbers every later one; ids never change.
    const inserted = outlineOf(treaty(article('art-new', article_title('New')), a, c))
    expect(inserted.map((x) => `${x.number}:${x.id}`)).toEqual(['1:art-new', '2:art-a', '3:art-c'])
    // Moving and deleting do the same.
    expect(outlineOf(treaty(c, a)).map((x) => `${x.number}:${x.id}`)).toEqual([
      '1:art-c',
      '2:art-a',
    ])
    expect(outlineOf(treaty(c)).map((x) => `${x.number}:${x.id}`)).toEqual(['1:art-c'])
  })

  it('labels clauses: numbered, lettered, roman, and unnumbered', () => {
    const art = article(
      'x',
      article_title('Definitions'),
      paragraph('For the purposes:'),
      numbered_paragraph('one'),
      subparagraph('a'),
      item('i'),
      item('ii'),
      subparagraph('b'),
      numbered_paragraph('two'),
      subparagraph('a again'),
      paragraph('closing'),
      subparagraph('restarts'),
    )
    expect(clauseLabels(art)).toEqual([
      '',
      '1.',
      '(a)',
      '(i)',
      '(ii)',
      '(b)',
      '2.',
      '(a)',
      '',
      '(a)',
    ])
  })

  it('counts letters and roman numerals as CSS counters do', () => {
    expect([1, 2, 14, 26, 27, 28].map(toLetters)).toEqual(['a', 'b', 'n', 'z', 'aa', 'ab'])
    expect([1, 4, 5, 9, 14, 40, 1994].map(toRoman)).toEqual([
      'i',
      'iv',
      'v',
      'ix',
      'xiv',
      'xl',
      'mcmxciv',
    ])
  })

  it('accepts an article without a title (a merge can leave one) and reads its title as empty', () => {
    const untitled = treatySchema.node('article', { id: 'a' }, [])
    expect(() => untitled.check()).not.toThrow()
    expect(outlineOf(treatySchema.node('doc', null, [untitled]))[0]?.title).toBe('')
    expect(treatySchema.nodes.article?.createAndFill()?.attrs.id).toBe('')
    // Nothing is required, so ProseMirror's fitting never creates a title or preamble itself.
    expect(treatySchema.topNodeType.createAndFill()?.childCount).toBe(0)
  })
})
