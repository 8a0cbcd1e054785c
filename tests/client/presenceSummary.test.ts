import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  PRESENCE_BOUNDS,
  parseRoomSummary,
  sameSummary,
  summarize,
  type RoomSummary,
} from '../../shared/collab/presence'
import {
  ArticlePresence,
  MAX_ARTICLE_DOTS,
} from '../../client/src/features/presence/ArticlePresence'
import { PresenceList } from '../../client/src/features/presence/PresenceList'
import {
  hereCount,
  moreFollowingWords,
  readingWords,
  unnamedCount,
} from '../../client/src/features/presence/presenceWords'
import {
  readPeers,
  readRoomSummary,
  samePeers,
  type Peer,
} from '../../client/src/features/presence/usePeers'

const summary = (patch: Partial<RoomSummary> = {}): RoomSummary => ({
  present: 1000,
  unlisted: 968,
  articles: { 'art-1': 12, 'art-2': 900 },
  ...patch,
})

describe('the room summary', () => {
  it('parses what the server publishes and nothing else', () => {
    expect(parseRoomSummary({ room: summary() })).toEqual(summary())
    expect(parseRoomSummary({ user: { name: 'Chair' }, article: 'art-1' })).toBeNull()
    expect(parseRoomSummary(null)).toBeNull()
    expect(parseRoomSummary({ room: { present: -1, unlisted: 0, articles: {} } })).toBeNull()
    expect(parseRoomSummary({ room: { present: '3', unlisted: 0 } })).toBeNull()
    expect(parseRoomSummary({ room: [1, 2] })).toBeNull()
    // Counts that are not counts are left out; a summary without articles has none.
    expect(
      parseRoomSummary({
        room: { present: 5, unlisted: 2, articles: { a: 2, b: 'x', c: -1, d: 1.5, e: 0 } },
      }),
    ).toEqual({ present: 5, unlisted: 2, articles: { a: 2 } })
    expect(parseRoomSummary({ room: { present: 5, unlisted: 2 } })?.articles).toEqual({})
  })

  it('keeps at most the bound of articles, those with the most readers', () => {
    const articles = Array.from({ length: PRESENCE_BOUNDS.summaryArticles + 20 }, (_, i) =>
      i < 5 ? 'busy' : `art-${i}`,
    )
    const made = summarize(200, [...articles, null, null])
    expect(made.present).toBe(200)
    expect(made.unlisted).toBe(articles.length + 2)
    expect(Object.keys(made.articles)).toHaveLength(PRESENCE_BOUNDS.summaryArticles)
    expect(made.articles.busy).toBe(5)
    const many = Object.fromEntries(articles.map((id, i) => [`${id}-${i}`, 1]))
    const parsed = parseRoomSummary({ room: { present: 1, unlisted: 1, articles: many } })
    expect(Object.keys(parsed?.articles ?? {})).toHaveLength(PRESENCE_BOUNDS.summaryArticles)
  })

  it('says whether two summaries say the same', () => {
    expect(sameSummary(summary(), summary())).toBe(true)
    expect(sameSummary(null, null)).toBe(true)
    expect(sameSummary(summary(), null)).toBe(false)
    expect(sameSummary(summary(), summary({ present: 999 }))).toBe(false)
    expect(sameSummary(summary(), summary({ articles: { 'art-1': 12, 'art-2': 899 } }))).toBe(false)
    expect(sameSummary(summary(), summary({ articles: { 'art-1': 12 } }))).toBe(false)
  })
})

describe('peers from awareness', () => {
  // Two awarenesses as a browser and the room would hold them: the local user and others.
  const room = () => {
    const local = new Awareness(new Y.Doc())
    const remote = new Awareness(new Y.Doc())
    const server = new Awareness(new Y.Doc())
    local.setLocalState({ user: { name: 'Me', color: '#1d5fbf' }, article: 'art-1' })
    const cursor = (n: number) => ({ anchor: { item: { client: 1, clock: n } }, head: null })
    remote.setLocalState({
      user: { name: 'Chair', role: 'Chair' },
      article: 'art-2',
      cursor: cursor(1),
    })
    server.setLocalState({ room: summary() })
    const relay = (from: Awareness) =>
      applyAwarenessUpdate(local, encodeAwarenessUpdate(from, [from.clientID]), 'server')
    relay(remote)
    relay(server)
    return { local, remote, relay, cursor }
  }

  it('lists the people (the local user first), not the summary, and finds the summary', () => {
    const { local, remote } = room()
    const peers = readPeers(local)
    expect(peers.map((p) => [p.name, p.isLocal, p.articleId])).toEqual([
      ['Me', true, 'art-1'],
      ['Chair', false, 'art-2'],
    ])
    expect(peers[1]?.clientId).toBe(remote.clientID)
    expect(readRoomSummary(local)).toEqual(summary())
  })

  it('says a cursor move changes nothing shown, and an article move does', () => {
    const { local, remote, relay, cursor } = room()
    const before = readPeers(local)
    remote.setLocalStateField('cursor', cursor(2))
    relay(remote)
    expect(samePeers(before, readPeers(local))).toBe(true)
    remote.setLocalStateField('article', 'art-3')
    relay(remote)
    expect(samePeers(before, readPeers(local))).toBe(false)
  })
})

describe('the list of who is here', () => {
  const me = { name: 'Marie', color: '#1d5fbf', role: 'Observer' }
  const chair: Peer = {
    clientId: 7,
    name: 'Chair',
    color: '#b3261e',
    role: 'Chair',
    account: 'chair',
    articleId: 'art-1',
    isLocal: false,
  }
  const render = (extra: { summary?: RoomSummary | null }) =>
    renderToStaticMarkup(
      createElement(PresenceList, {
        peers: [chair],
        articles: [{ id: 'art-1', label: '1', title: 'Scope' } as never],
        user: me,
        onUserChange: () => {},
        ...extra,
      }),
    )

  it('counts the people it does not name: "and 998 more following"', () => {
    expect(unnamedCount(summary(), 1)).toBe(998)
    expect(hereCount(summary(), 1)).toBe(1000)
    expect(moreFollowingWords(970)).toBe('and 970 more following')
    expect(moreFollowingWords(1200)).toBe('and 1,200 more following')
    expect(readingWords(12)).toBe('12 reading')
    const html = render({ summary: summary() })
    expect(html).toContain('and 998 more following')
    expect(html).toMatch(/Here now <span class="count">1000<\/span>/)
    expect(html).toContain('Chair')
    expect(html).toContain('Art. 1')
  })

  it('looks as before in a room that lists everyone', () => {
    for (const html of [render({}), render({ summary: null })]) {
      expect(html).not.toContain('more following')
      expect(html).toMatch(/Here now <span class="count">2<\/span>/)
    }
    // A summary that lags behind the people listed never counts below them.
    expect(unnamedCount(summary({ present: 1, unlisted: 1 }), 3)).toBe(0)
  })
})

describe("an article's line in the outline", () => {
  const peer = (clientId: number, name: string): Peer => ({
    clientId,
    name,
    color: '#0f7b4b',
    role: null,
    account: null,
    articleId: 'art-1',
    isLocal: false,
  })

  it('says how many unlisted readers are there, and names those it shows as dots', () => {
    const html = renderToStaticMarkup(
      createElement(ArticlePresence, { here: [peer(1, 'Chair'), peer(2, 'Ana')], reading: 12 }),
    )
    expect(html).toContain('>12 reading<')
    expect(html).toContain('aria-label="Here: Chair, Ana"')
    expect(html.match(/class="dot"/g)).toHaveLength(2)
  })

  it('shows a few dots at most, and counts the others with the unlisted', () => {
    const many = Array.from({ length: MAX_ARTICLE_DOTS + 4 }, (_, i) => peer(i, `P${i}`))
    const html = renderToStaticMarkup(createElement(ArticlePresence, { here: many, reading: 12 }))
    expect(html.match(/class="dot"/g)).toHaveLength(MAX_ARTICLE_DOTS)
    expect(html).toContain('>16 reading<')
    expect(html).not.toContain(`P${MAX_ARTICLE_DOTS}`)
  })

  it('shows nothing where nobody is', () => {
    expect(renderToStaticMarkup(createElement(ArticlePresence, { here: [], reading: 0 }))).toBe('')
    const alone = renderToStaticMarkup(createElement(ArticlePresence, { here: [], reading: 3 }))
    expect(alone).toContain('3 reading')
    expect(alone).not.toContain('outline-dots')
  })
})
