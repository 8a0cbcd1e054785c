import { describe, expect, it } from 'vitest'
import { isSafeNext, parseRoute, pathOf, type Route } from '../../client/src/useRoute'

describe('routes', () => {
  it('reads every page of the app from its path, and writes the same path back', () => {
    const cases: [string, Route][] = [
      ['/', { page: 'picker' }],
      ['/n/ccm', { page: 'negotiation', id: 'ccm', view: 'text' }],
      ['/n/ccm/actors', { page: 'negotiation', id: 'ccm', view: 'actors' }],
      ['/n/ccm/members', { page: 'negotiation', id: 'ccm', view: 'members' }],
      ['/n/ccm/history', { page: 'negotiation', id: 'ccm', view: 'history' }],
      ['/n/ccm/rounds', { page: 'negotiation', id: 'ccm', view: 'rounds' }],
      [
        '/n/ccm/articles/art-2/history',
        { page: 'negotiation', id: 'ccm', view: 'history', articleId: 'art-2' },
      ],
      [
        '/n/ccm/rounds/vienna-2007/text',
        { page: 'negotiation', id: 'ccm', view: 'rounds', roundId: 'vienna-2007' },
      ],
      ['/signin', { page: 'signin' }],
      ['/invite/abc_DEF-1', { page: 'invite', token: 'abc_DEF-1' }],
    ]
    for (const [path, route] of cases) {
      expect(parseRoute(path)).toEqual(route)
      expect(pathOf(route)).toBe(path)
    }
    expect(parseRoute('/n/ccm/nonsense')).toEqual({ page: 'picker' })
  })

  it('keeps the page wanted before signing in, but only a page of this app', () => {
    const route: Route = { page: 'signin', next: '/n/ccm/actors' }
    expect(pathOf(route)).toBe('/signin?next=%2Fn%2Fccm%2Factors')
    expect(parseRoute('/signin', '?next=%2Fn%2Fccm%2Factors')).toEqual(route)
    for (const unsafe of ['https://evil.example', '//evil.example/x', '/signin?next=/', '']) {
      expect(isSafeNext(unsafe)).toBe(false)
      expect(parseRoute('/signin', `?next=${encodeURIComponent(unsafe)}`)).toEqual({
        page: 'signin',
      })
    }
  })
})
