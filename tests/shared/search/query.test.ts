import { describe, expect, it } from 'vitest'
import {
  MARK_CLOSE,
  MARK_OPEN,
  SearchParamsSchema,
  ftsQuery,
  parseMarked,
  unmarkable,
} from '../../../shared/domain/search/query'
import { markedSpan } from '../../../shared/domain/search/results'
import { searchScope } from '../../../shared/domain/search/scope'

describe('search queries', () => {
  it('quotes every word and matches the last as a prefix, whatever FTS syntax was typed', () => {
    expect(ftsQuery('cluster munit')).toBe('"cluster" "munit"*')
    expect(ftsQuery('NEAR("a" b*, 2) OR title:x')).toBe('"NEAR" "a" "b" "2" "OR" "title" "x"*')
    expect(ftsQuery('Übergangs\u00adfrist')).toBe('"Übergangs" "frist"*')
    expect(ftsQuery('" * ^ ( )')).toBeNull()
    expect(
      ftsQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))?.split(' '),
    ).toHaveLength(12)
  })

  it('bounds the query and the kinds at the boundary', () => {
    expect(SearchParamsSchema.safeParse({ q: 'x'.repeat(201) }).success).toBe(false)
    expect(SearchParamsSchema.safeParse({ q: 'x', kinds: 'text,secrets' }).success).toBe(false)
    expect(SearchParamsSchema.parse({ q: ' x ', kinds: 'text,notes' })).toEqual({
      q: 'x',
      round: 'current',
      kinds: ['text', 'notes'],
      limit: 20,
    })
    expect(SearchParamsSchema.safeParse({ q: 'x', limit: '51' }).success).toBe(false)
  })

  it('turns the index markers into ranges, and no indexed text can forge them', () => {
    const m = parseMarked(
      `a ${MARK_OPEN}cluster${MARK_CLOSE} of ${MARK_OPEN}munitions${MARK_CLOSE}.`,
    )
    expect(m).toEqual({
      text: 'a cluster of munitions.',
      marks: [
        [2, 9],
        [13, 22],
      ],
    })
    expect(markedSpan(m)).toBe('cluster of munitions')
    expect(markedSpan({ text: 'none', marks: [] })).toBeNull()
    expect(unmarkable(`x${MARK_OPEN}y${MARK_CLOSE}`)).toBe('x y ')
  })
})

describe('what a principal may search', () => {
  const drafts = [
    { id: 'p-deu', sponsors: ['DEU'], tabled: false },
    { id: 'p-fra', sponsors: ['FRA'], tabled: true },
  ]
  const as = (membership: Parameters<typeof searchScope>[0]['membership']) =>
    searchScope({ accountId: 'a', isAdmin: false, membership }, 'ccm', drafts)

  it("gives drafts to their sponsors' delegates and a group's notes to its campaigners only", () => {
    expect(as({ role: 'delegate', actorId: 'DEU' }).audiences).toEqual([
      'all',
      'proposal:p-deu',
      'proposal:p-fra',
      'notes:public',
    ])
    expect(as({ role: 'delegate', actorId: 'AUT' }).audiences).toEqual([
      'all',
      'proposal:p-fra',
      'notes:public',
    ])
    expect(as({ role: 'campaigner', groupId: 'cmc' }).notesGroups).toEqual(['cmc', 'public'])
    expect(as({ role: 'chair' }).notesGroups).toEqual(['public'])
    expect(as(null)).toEqual({ audiences: [], notesGroups: [], kinds: [] })
  })
})
