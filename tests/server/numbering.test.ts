import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { formerLabel, resolveReference, type Concordance } from '../../shared/domain/concordance'
import type { NegotiationEvent } from '../../shared/domain/events'
import { call } from '../support/api'
import { waitFor, type CollabClient } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

const CCM = fs.readFileSync(new URL('../../fixtures/ccm-2008.txt', import.meta.url), 'utf8')

interface ArticleRow {
  id: string
  number: number
  label: string
  brackets: number
  options: number
}

// A new article with a title and one numbered paragraph, as the editor would add it.
function newArticle(id: string, title: string): Y.XmlElement {
  const article = new Y.XmlElement('article')
  article.setAttribute('id', id)
  const heading = new Y.XmlElement('article_title')
  heading.insert(0, [new Y.XmlText(title)])
  const clause = new Y.XmlElement('numbered_paragraph')
  clause.insert(0, [new Y.XmlText('Each State Party shall report.')])
  article.insert(0, [heading, clause])
  return article
}

// The fragment holds the title, the preamble, then the articles: after Article n is 2 + n.
const insertAfterArticle = (client: CollabClient, n: number, article: Y.XmlElement) =>
  client.doc.getXmlFragment(TEXT_FRAGMENT).insert(2 + n, [article])

describe('numbers as negotiators use them: frozen when circulated, renumbered by the chair', () => {
  const h = useTestServer(['chair', 'germany', 'observer', 'admin'], 'each')
  const labels = (rows: ArticleRow[]) => rows.map((a) => a.label)

  it('keeps automatic numbers until a round closes, then labels an article inserted after 2 as 2 bis', async () => {
    const admin = h.session('admin')
    const fresh = (method: string, path: string, body?: unknown) =>
      call(h.server.url, admin, method, `/api/negotiations/fresh${path}`, body)
    const imported = await call(h.server.url, admin, 'POST', '/api/negotiations/import', {
      text: CCM,
      id: 'fresh',
      name: 'Never circulated',
    })
    expect(imported.status).toBe(201)
    const before = (await fresh('GET', '/articles')).body.articles as ArticleRow[]
    const n = before.length

    // Never circulated: an article added after Article 2 is Article 3, and the rest move up.
    const client = await h.connect('admin', 'fresh/text')
    insertAfterArticle(client, 2, newArticle('art-early', 'Early addition'))
    let rows: ArticleRow[] = []
    for (let tries = 0; tries < 200; tries++) {
      rows = (await fresh('GET', '/articles')).body.articles
      if (rows.length === n + 1) break
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(rows[2]).toMatchObject({ id: 'art-early', label: '3', number: 3 })
    expect(labels(rows)).toEqual(rows.map((_, i) => String(i + 1)))

    const opened = await fresh('POST', '/rounds', {
      name: 'First session',
      place: 'Geneva, Switzerland',
      startDate: '2009-01-10',
      endDate: '2009-01-12',
    })
    expect(opened.status).toBe(201)
    const closed = await fresh('POST', `/rounds/${opened.body.round.id}/close`, {})
    expect(closed.status).toBe(200)
    // The frozen text carries the labels, and so does everyone's live text.
    const frozenArticles = (
      closed.body.snapshot.doc.content as { type: string; attrs: { label: string } }[]
    )
      .filter((c) => c.type === 'article')
      .map((c) => c.attrs.label)
    expect(frozenArticles).toEqual(rows.map((_, i) => String(i + 1)))
    await waitFor(
      'the labels to reach the client',
      () => client.pmDoc().child(4).attrs.label === '3',
    )
    expect(client.pmDoc().child(4).child(1).attrs.label).toBe('1.')

    insertAfterArticle(client, 2, newArticle('art-late', 'Late addition'))
    for (let tries = 0; tries < 200; tries++) {
      rows = (await fresh('GET', '/articles')).body.articles
      if (rows.length === n + 2) break
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(rows[2]).toMatchObject({ id: 'art-late', label: '2 bis', number: 3 })
    // The articles after it keep the numbers they were circulated with.
    expect(rows[3]).toMatchObject({ id: 'art-early', label: '3', number: 4 })
    expect(rows[rows.length - 1]?.label).toBe(String(n + 1))
  })

  it('renumbers on the chair’s command only, with a concordance that resolves old references', async () => {
    // Delegates and observers may not renumber; nothing is recorded.
    for (const who of ['germany', 'observer']) {
      const refused = await h.api(who, 'POST', '/renumber')
      expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    }
    expect((await h.api('observer', 'GET', '/concordance')).body.concordances).toEqual([])

    // The demo has closed rounds on its text, so its numbers were frozen at start.
    const start = (await h.api('observer', 'GET', '/articles')).body.articles as ArticleRow[]
    expect(start[2]).toMatchObject({ id: 'art-3', label: '3' })

    // Germany proposes on Article 3 as it is numbered now.
    const proposed = await h.api('germany', 'POST', '/proposals', {
      params: { kind: 'transition-period', years: 8 },
      title: 'Eight years',
      articleId: 'art-3',
    })
    expect(proposed.status).toBe(201)
    const proposal = proposed.body.proposal as { id: string; createdAt: string }

    const chair = await h.connect('chair', 'ccm/text')
    insertAfterArticle(chair, 2, newArticle('art-2bis', 'Victim assistance funds'))
    let rows: ArticleRow[] = []
    for (let tries = 0; tries < 200; tries++) {
      rows = (await h.api('observer', 'GET', '/articles')).body.articles
      if (rows.length === start.length + 1) break
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(rows.slice(1, 4).map((a) => [a.id, a.label])).toEqual([
      ['art-2', '2'],
      ['art-2bis', '2 bis'],
      ['art-3', '3'],
    ])

    const renumbered = await h.api('chair', 'POST', '/renumber')
    expect(renumbered.status).toBe(200)
    const concordance = renumbered.body.concordance as Concordance
    expect(concordance.articles.slice(0, 2)).toEqual([
      { articleId: 'art-2bis', instrument: '', from: '2 bis', to: '3' },
      { articleId: 'art-3', instrument: '', from: '3', to: '4' },
    ])
    expect(concordance.byName).toMatch(/Chair/)

    rows = (await h.api('observer', 'GET', '/articles')).body.articles
    expect(rows.slice(1, 4).map((a) => [a.id, a.label])).toEqual([
      ['art-2', '2'],
      ['art-2bis', '3'],
      ['art-3', '4'],
    ])
    await waitFor(
      'the new labels to reach the chair',
      () => chair.pmDoc().child(4).attrs.label === '3',
    )

    const concordances = (await h.api('observer', 'GET', '/concordance')).body
      .concordances as Concordance[]
    expect(concordances).toHaveLength(1)
    const events = (await h.api('observer', 'GET', '/events?type=text-renumbered')).body
      .events as NegotiationEvent[]
    expect(events).toHaveLength(1)
    expect(events[0]?.data).toMatchObject({ concordance: 1, articles: concordance.articles.length })

    // The proposal made on the old "Art. 3" shows both numbers and resolves to its article.
    const read = (await h.api('germany', 'GET', `/proposals/${proposal.id}`)).body.proposal
    expect(read.articleId).toBe('art-3')
    expect(formerLabel('art-3', read.createdAt, concordances)).toBe('3')
    const resolved = resolveReference('Art. 3', concordances, rows, read.createdAt)
    expect(resolved).toMatchObject({
      ok: true,
      articleId: 'art-3',
      label: '4',
      formerly: '3',
      display: 'Art. 4 (formerly 3)',
    })
    // Today, "Art. 3" is the article that was 2 bis.
    expect(resolveReference('Art. 3', concordances, rows)).toMatchObject({
      articleId: 'art-2bis',
      display: 'Art. 3',
    })
    expect(resolveReference('Art. 2 bis', concordances, rows)).toMatchObject({
      articleId: 'art-2bis',
      display: 'Art. 3 (formerly 2 bis)',
    })

    // A second renumbering with nothing to change records nothing.
    const again = await h.api('chair', 'POST', '/renumber')
    expect(again.body.concordance).toBeNull()
    expect((await h.api('observer', 'GET', '/concordance')).body.concordances).toHaveLength(1)
  })

  it('lists per article the brackets and option blocks cleaning has left, and per round', async () => {
    const answer = await h.api('observer', 'GET', '/articles')
    expect(answer.status).toBe(200)
    for (const a of answer.body.articles as ArticleRow[]) {
      expect(a).toMatchObject({ brackets: expect.any(Number), options: expect.any(Number) })
    }
    expect(answer.body.totals).toEqual({
      brackets: expect.any(Number),
      options: expect.any(Number),
    })
    const table = await h.api('observer', 'GET', '/cleaning')
    expect(table.status).toBe(200)
    const names = table.body.texts.map((t: { name: string }) => t.name)
    expect(names[names.length - 1]).toBe('Current text')
    expect(names.length).toBeGreaterThanOrEqual(4)
  })
})
