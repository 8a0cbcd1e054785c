import { describe, expect, it } from 'vitest'
import { groupAlternatives, type RangedItem } from '../../../shared/domain/proposals/alternatives'

const item = (id: string, tabledSeq: number, from: number, to: number, articleId = 'art-2') => ({
  id,
  tabledSeq,
  from,
  to,
  articleId,
})

const shape = (items: RangedItem[]) =>
  groupAlternatives(items).map((g) => g.members.map((m) => `${m.item.id}:${m.label ?? '-'}`))

describe('groupAlternatives', () => {
  it('leaves a lone proposal unlabelled', () => {
    expect(shape([item('a', 1, 10, 20)])).toEqual([['a:-']])
    expect(groupAlternatives([])).toEqual([])
  })

  it('labels overlapping proposals Alt 1, Alt 2 in tabled order, whatever the input order', () => {
    const items = [item('late', 3, 15, 30), item('early', 1, 10, 20), item('mid', 2, 12, 13)]
    expect(shape(items)).toEqual([['early:Alt 1', 'mid:Alt 2', 'late:Alt 3']])
    expect(groupAlternatives(items)[0]).toMatchObject({ from: 10, to: 30 })
    expect(shape([...items].reverse())).toEqual(shape(items))
  })

  it('keeps ranges that only touch apart', () => {
    expect(shape([item('a', 1, 10, 20), item('b', 2, 20, 30)])).toEqual([['a:-'], ['b:-']])
  })

  it('merges transitive overlaps into one group', () => {
    // a overlaps b, b overlaps c, a and c do not touch
    const items = [item('c', 3, 28, 40), item('a', 1, 10, 20), item('b', 2, 18, 30)]
    expect(shape(items)).toEqual([['a:Alt 1', 'b:Alt 2', 'c:Alt 3']])
  })

  it('groups insertion points at the same place, and a point inside a range', () => {
    expect(shape([item('a', 2, 15, 15), item('b', 1, 15, 15)])).toEqual([['b:Alt 1', 'a:Alt 2']])
    expect(shape([item('a', 1, 15, 15), item('b', 2, 16, 16)])).toEqual([['a:-'], ['b:-']])
    expect(shape([item('p', 1, 15, 15), item('r', 2, 10, 20)])).toEqual([['p:Alt 1', 'r:Alt 2']])
    // at either end of a range, a point only touches it
    expect(shape([item('p', 1, 10, 10), item('r', 2, 10, 20), item('q', 3, 20, 20)])).toEqual([
      ['p:-'],
      ['r:-'],
      ['q:-'],
    ])
  })

  it('never groups across articles and orders groups by place', () => {
    const items = [item('x', 1, 50, 60, 'art-3'), item('y', 2, 50, 60, 'art-4'), item('z', 3, 5, 6)]
    expect(shape(items)).toEqual([['z:-'], ['x:-'], ['y:-']])
  })

  it('refuses a range that ends before it starts', () => {
    expect(() => groupAlternatives([item('a', 1, 20, 10)])).toThrow(RangeError)
  })
})
