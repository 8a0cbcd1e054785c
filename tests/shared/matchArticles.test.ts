import { describe, expect, it } from 'vitest'
import {
  MATCH_LIMITS,
  articleDigests,
  confirmMatching,
  matchArticles,
  type ArticleDigest,
} from '../../shared/domain/matchArticles'
import { treatySchema } from '../../shared/schema'
import { article, article_title, numbered_paragraph, treaty } from '../support/builders'

const digest = (id: string, label: string, title: string, text: string): ArticleDigest => ({
  id,
  label,
  title,
  instrument: '',
  text,
})

const PURPOSE = 'The purpose of this Agreement is to enhance the implementation of the Convention'
const GENERAL =
  'All Parties shall regularly prepare and communicate nationally determined contributions'
const MITIGATION = 'Each Party shall pursue domestic mitigation measures with the aim of achieving'
const FINANCE =
  'Developed country Parties shall provide financial resources to assist developing ones'

describe('matchArticles', () => {
  it('matches articles with the same number and title as sure, keeping their ids', () => {
    const current = [
      digest('a2', '2', 'purpose', PURPOSE),
      digest('a2bis', '2bis', 'general', GENERAL),
    ]
    const revised = [
      digest('x1', '2', 'purpose', `${PURPOSE} [and its objective]`),
      digest('x2', '2bis', 'general', GENERAL),
    ]
    const m = matchArticles(current, revised)
    expect(m.matches.map((x) => [x.matchedId, x.confidence])).toEqual([
      ['a2', 'sure'],
      ['a2bis', 'sure'],
    ])
    expect(m.matches[0]?.reasons).toEqual(expect.arrayContaining(['same number', 'same title']))
    expect(m.removed).toEqual([])
  })

  it('matches a renumbered article by its wording, as doubtful, and not by its old number', () => {
    // As the adopted Paris text: draft 2bis became 3, draft 3 became 4, without titles.
    const current = [
      digest('a2', '2', 'purpose', PURPOSE),
      digest('a2bis', '2bis', 'general', GENERAL),
      digest('a3', '3', 'mitigation', MITIGATION),
    ]
    const revised = [
      digest('x1', '2', '', PURPOSE),
      digest(
        'x2',
        '3',
        '',
        `${GENERAL} as ambitious efforts to the global response to climate change`,
      ),
      digest('x3', '4', '', `${MITIGATION} the objectives of their contributions`),
    ]
    const m = matchArticles(current, revised)
    expect(m.matches.map((x) => x.matchedId)).toEqual(['a2', 'a2bis', 'a3'])
    expect(m.matches[1]).toMatchObject({ confidence: 'doubtful', matchedLabel: '2bis' })
    expect(m.matches[1]?.reasons).toContain('was Article 2bis')
    // Nearly the same words (80%) make a renumbered article sure.
    expect(m.matches[2]?.confidence).toBe('sure')
  })

  it('says which revised articles are new and which current ones are removed', () => {
    const current = [digest('a1', '1', 'purpose', PURPOSE), digest('a9', '9', 'finance', FINANCE)]
    const revised = [
      digest('x1', '1', 'purpose', PURPOSE),
      digest('x2', '2', 'languages', 'Arabic Chinese English French Russian Spanish texts'),
    ]
    const m = matchArticles(current, revised)
    expect(m.matches[1]).toMatchObject({ confidence: 'new', matchedId: null })
    expect(m.removed).toEqual([{ id: 'a9', label: '9', title: 'finance', confidence: 'removed' }])
  })

  it('pairs an unmatched article with the unmatched one in the same place, as doubtful', () => {
    const current = [
      digest('a1', '1', '', PURPOSE),
      digest('a2', '2', '', 'Loss and damage: the Warsaw International Mechanism shall continue'),
      digest('a3', '3', '', FINANCE),
    ]
    const revised = [
      digest('x1', '1', '', PURPOSE),
      digest(
        'x2',
        '7',
        '',
        'Parties recognize the importance of averting minimizing addressing loss',
      ),
      digest('x3', '9', '', FINANCE),
    ]
    const m = matchArticles(current, revised)
    expect(m.matches[1]).toMatchObject({ matchedId: 'a2', confidence: 'doubtful' })
    expect(m.matches[1]?.reasons).toContain('in the same place among the matched articles')
  })

  it('bounds its work on 10,000 articles against 10,000, comparing only nearby ones', () => {
    const words = (i: number) => `article ${i} word${i} w${i * 7} shall apply x${i % 97}`
    const current = Array.from({ length: 10_000 }, (_, i) =>
      digest(`a${i}`, `${i + 1}`, '', words(i)),
    )
    const revised = Array.from({ length: 10_000 }, (_, i) =>
      digest(`x${i}`, `${i + 1}`, '', words(i)),
    )
    const m = matchArticles(current, revised)
    expect(m.bounded).toBe(true)
    const window = Math.floor(MATCH_LIMITS.comparisons / revised.length / 2)
    expect(m.comparisons).toBeLessThanOrEqual(revised.length * (2 * window + 1 + 2 * 8 + 1))
    expect(m.matches.filter((x) => x.matchedId === `a${x.newIndex}`)).toHaveLength(10_000)
  })

  it('compares every pair of a text of ordinary size', () => {
    const current = Array.from({ length: 30 }, (_, i) => digest(`a${i}`, `${i}`, '', `w${i}`))
    const m = matchArticles(current, current)
    expect(m).toMatchObject({ bounded: false, comparisons: 900 })
  })

  it('reads articles of a document with their brackets, the title apart', () => {
    const bracket = treatySchema.marks.bracket.create({ id: 'b1' })
    const doc = treaty(
      article(
        'art-1',
        article_title('purpose'),
        numbered_paragraph('The purpose ', treatySchema.text('shall', [bracket]), ' be'),
      ),
    )
    expect(articleDigests(doc)).toEqual([
      { id: 'art-1', label: '1', title: 'purpose', instrument: '', text: 'The purpose [shall] be' },
    ])
  })
})

describe('confirmMatching', () => {
  const current = [
    digest('a1', '1', 'purpose', PURPOSE),
    digest('a2', '2', 'general', GENERAL),
    digest('a3', '3', 'mitigation', MITIGATION),
  ]
  const revised = [
    digest('x1', '1', 'purpose', PURPOSE),
    digest('x2', '2', 'general', GENERAL),
    digest('x3', '3', 'new things', 'Entirely different words about languages'),
  ]
  const matching = matchArticles(current, revised)
  const ids = ['a1', 'a2', 'a3']

  it('keeps the proposal where the chair says nothing, and applies what the chair says', () => {
    expect(confirmMatching(matching, ids)).toEqual({ ok: true, ids: ['a1', 'a2', null] })
    expect(confirmMatching(matching, ids, { 2: 'a3', 1: null })).toEqual({
      ok: true,
      ids: ['a1', null, 'a3'],
    })
  })

  it('takes an id the chair gives another article from the one it was proposed for', () => {
    expect(confirmMatching(matching, ids, { 2: 'a2' })).toEqual({
      ok: true,
      ids: ['a1', null, 'a2'],
    })
  })

  it('refuses an unknown article, an index out of range and one article continued twice', () => {
    expect(confirmMatching(matching, ids, { 0: 'zz' })).toMatchObject({
      ok: false,
      code: 'unknown_article',
    })
    expect(confirmMatching(matching, ids, { 7: 'a1' })).toMatchObject({
      ok: false,
      code: 'bad_index',
    })
    expect(confirmMatching(matching, ids, { 1: 'a3', 2: 'a3' })).toMatchObject({
      ok: false,
      code: 'article_twice',
    })
  })
})
