import { describe, expect, it } from 'vitest'
import {
  articleRefAt,
  formerLabel,
  resolveReference,
  type Concordance,
  type ReferencedArticle,
} from '../../shared/domain/concordance'

// Before: 1, 2, 2 bis, 3 (with paragraphs 1., 1 bis., 2.), 4. The chair renumbers at noon.
const renumbering: Concordance = {
  seq: 1,
  negotiationId: 'n',
  at: '2026-05-01T12:00:00.000Z',
  accountId: 'acc-chair',
  byName: 'Chair',
  articles: [
    { articleId: 'art-2bis', instrument: '', from: '2 bis', to: '3' },
    { articleId: 'art-3', instrument: '', from: '3', to: '4' },
    { articleId: 'art-4', instrument: '', from: '4', to: '5' },
  ],
  clauses: [
    { articleId: 'art-4', index: 1, optionPath: [], from: '1 bis.', to: '2.' },
    { articleId: 'art-4', index: 2, optionPath: [0], from: '2.', to: '3.' },
  ],
}

const now: ReferencedArticle[] = [
  { id: 'art-1', label: '1' },
  { id: 'art-2', label: '2' },
  { id: 'art-2bis', label: '3' },
  { id: 'art-3', label: '4', clauses: ['1.', '2.', '3.'] },
  { id: 'art-4', label: '5', clauses: ['1.', '2.', '3.'] },
]
// art-3's clauses did not change; art-4's did (fixture above).
const before = '2026-05-01T09:00:00.000Z'
const after = '2026-05-01T15:00:00.000Z'

describe('concordance: references keep resolving across a renumbering', () => {
  it('gives the label an article had when a proposal was made, if it changed since', () => {
    expect(formerLabel('art-3', before, [renumbering])).toBe('3')
    expect(formerLabel('art-3', after, [renumbering])).toBeUndefined()
    expect(formerLabel('art-1', before, [renumbering])).toBeUndefined()
    expect(articleRefAt('art-2bis', '3', before, [renumbering])).toBe('Art. 3 (formerly 2 bis)')
    expect(articleRefAt('art-2bis', '3', after, [renumbering])).toBe('Art. 3')
  })

  it('reads a reference as of when it was written', () => {
    expect(resolveReference('Art. 3', [renumbering], now, before)).toMatchObject({
      ok: true,
      articleId: 'art-3',
      label: '4',
      formerly: '3',
      display: 'Art. 4 (formerly 3)',
    })
    expect(resolveReference('Art. 3', [renumbering], now, after)).toMatchObject({
      articleId: 'art-2bis',
      display: 'Art. 3',
    })
  })

  it('tries today’s labels first, then former ones, without a time', () => {
    expect(resolveReference('Article 3', [renumbering], now)).toMatchObject({
      articleId: 'art-2bis',
    })
    expect(resolveReference('Art. 2 bis', [renumbering], now)).toMatchObject({
      articleId: 'art-2bis',
      label: '3',
      formerly: '2 bis',
    })
    expect(resolveReference('Art. 2bis', [renumbering], now)).toMatchObject({
      articleId: 'art-2bis',
    })
  })

  it('resolves a paragraph and an option, with both numbers', () => {
    const r = resolveReference('Art. 4.1 bis Option 1', [renumbering], now, before)
    expect(r).toMatchObject({
      ok: true,
      articleId: 'art-4',
      label: '5',
      formerly: '4',
      clause: { index: 1, label: '2.', formerly: '1 bis.' },
      option: 'Option 1',
      display: 'Art. 5.2 (formerly 4.1 bis) Option 1',
    })
    expect(resolveReference('Art. 4.2', [renumbering], now)).toMatchObject({
      articleId: 'art-3',
      clause: { index: 1, label: '2.' },
      display: 'Art. 4.2',
    })
  })

  it('says why a reference names nothing', () => {
    expect(resolveReference('see above', [renumbering], now)).toEqual({
      ok: false,
      reason: 'not-a-reference',
    })
    expect(resolveReference('Art. 9', [renumbering], now)).toEqual({
      ok: false,
      reason: 'no-such-article',
    })
    expect(resolveReference('Art. 4.7', [renumbering], now)).toEqual({
      ok: false,
      reason: 'no-such-clause',
    })
  })
})
