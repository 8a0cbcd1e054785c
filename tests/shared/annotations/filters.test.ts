import { describe, expect, it } from 'vitest'
import {
  authorsOf,
  countsByArticle,
  filterAnnotations,
  tagsInUse,
} from '../../../shared/domain/annotations/filters'
import { STANDARD_TAGS } from '../../../shared/domain/annotations/types'
import { note } from './fixtures'

const list = [
  note({ id: 'n1', articleId: 'art-1', tags: ['threat'], authorAccountId: 'a', authorName: 'Ana' }),
  note({ id: 'n2', articleId: 'art-1', tags: ['m85', 'lobbying'], resolved: true }),
  note({ id: 'n3', articleId: 'art-2', tags: ['threat'], authorAccountId: 'b', authorName: 'Ben' }),
]

describe('annotation filters', () => {
  it('filters by tag, author, resolved and article, all at once', () => {
    const ids = (f: Parameters<typeof filterAnnotations>[1]) =>
      filterAnnotations(list, f).map((a) => a.id)
    expect(ids({})).toEqual(['n1', 'n2', 'n3'])
    expect(ids({ tag: 'threat' })).toEqual(['n1', 'n3'])
    expect(ids({ authorAccountId: 'b' })).toEqual(['n3'])
    expect(ids({ resolved: false })).toEqual(['n1', 'n3'])
    expect(ids({ resolved: true, articleId: 'art-1' })).toEqual(['n2'])
    expect(ids({ tag: 'threat', articleId: 'art-1' })).toEqual(['n1'])
  })

  it('counts per article, with the open ones', () => {
    expect(countsByArticle(list)).toEqual({
      'art-1': { total: 2, open: 1 },
      'art-2': { total: 1, open: 1 },
    })
  })

  it('lists tags in use (standard first) and authors by name', () => {
    expect(tagsInUse(list, STANDARD_TAGS)).toEqual(['threat', 'lobbying', 'm85'])
    expect(authorsOf(list)).toEqual([
      { accountId: 'a', name: 'Ana' },
      { accountId: 'acc-ana', name: 'Ana' },
      { accountId: 'b', name: 'Ben' },
    ])
  })
})
