import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import type { NegotiationEvent } from '../../shared/domain/events'
import { call } from '../support/api'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

// Rounds freeze the text; an article's history follows its id across renumbering; text edits
// are summarised per author and article after a quiet moment.
describe('rounds, history and edit summaries', () => {
  let server: TestServer
  const clients: CollabClient[] = []
  const api = async (who: string, method: string, path: string, body?: unknown) =>
    call(
      server.url,
      { token: await server.tokenFor(who) },
      method,
      `/api/negotiations/ccm${path}`,
      body,
    )
  const connect = async (who: string) => {
    const client = connectClient(server.wsUrl, 'ccm/text', { token: await server.tokenFor(who) })
    clients.push(client)
    await client.synced()
    return client
  }
  const events = async (query: string): Promise<NegotiationEvent[]> =>
    (await api('chair', 'GET', `/events?${query}`)).body.events
  const accountOf = async (who: string): Promise<string> =>
    (await call(server.url, { token: await server.tokenFor(who) }, 'GET', '/api/me')).body.me
      .account.id

  beforeEach(async () => {
    server = await startServer({ textEditQuietMs: 100 })
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('summarises two authors typing into text-edited events per author and article', async () => {
    const [chair, admin] = [await connect('chair'), await connect('admin')]
    const typed = { chair: 'in all circumstances ', admin: 'and without delay ' }
    for (const ch of typed.chair) clauseText(chair.doc, 0, 1).insert(0, ch)
    for (const ch of typed.admin) clauseText(admin.doc, 2, 2).insert(0, ch)
    clauseText(admin.doc, 2, 2).delete(typed.admin.length, 4)
    const [chairId, adminId] = [await accountOf('chair'), await accountOf('admin')]
    const total = (list: NegotiationEvent[], accountId: string, articleId: string) => {
      const mine = list.filter((e) => e.accountId === accountId && e.articleId === articleId)
      return {
        insertedChars: mine.reduce((n, e) => n + Number(e.data.insertedChars), 0),
        deletedChars: mine.reduce((n, e) => n + Number(e.data.deletedChars), 0),
      }
    }
    // Polls the log (awaiting each answer) until both summaries are in.
    let edited: NegotiationEvent[] = []
    for (let tries = 0; ; tries++) {
      edited = await events('type=text-edited')
      const done =
        total(edited, chairId, 'art-1').insertedChars === typed.chair.length &&
        total(edited, adminId, 'art-3').deletedChars === 4
      if (done) break
      if (tries > 500) throw new Error('timed out waiting for both summaries')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(total(edited, adminId, 'art-3')).toEqual({
      insertedChars: typed.admin.length,
      deletedChars: 4,
    })
    expect(total(edited, chairId, 'art-1').deletedChars).toBe(0)
    const chairs = edited.find((e) => e.accountId === chairId)
    expect(chairs).toMatchObject({
      byName: expect.stringContaining('Chair'),
      roundId: 'dublin-2008',
    })
  })

  it('follows an article inserted before Article 2 through a round: history by id', async () => {
    const chair = await connect('chair')
    const inserted = new Y.XmlElement('article')
    inserted.setAttribute('id', 'art-scope')
    const heading = new Y.XmlElement('article_title')
    heading.insert(0, [new Y.XmlText('Scope of application')])
    const clause = new Y.XmlElement('numbered_paragraph')
    clause.insert(0, [new Y.XmlText('This Convention applies in all circumstances.')])
    inserted.insert(0, [heading, clause])
    // title, preamble, Article 1, then the new Article 2.
    chair.doc.getXmlFragment(TEXT_FRAGMENT).insert(3, [inserted])
    await waitFor(
      'the server to have the new article',
      () => chair.pmDoc().child(3).attrs.id === 'art-scope',
    )

    const closed = await api('chair', 'POST', '/rounds/dublin-2008/close', {
      snapshotName: 'Dublin Draft Convention',
    })
    expect(closed.status).toBe(200)
    // Closing wrote the pending summary first: the addition is logged, by the chair, once.
    const added = await events('type=article-added')
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({ articleId: 'art-scope', accountId: await accountOf('chair') })
    expect(await events('type=article-moved')).toEqual([])

    const history = await api('observer', 'GET', '/articles/art-2/history')
    expect(history.status).toBe(200)
    expect(history.body.article).toEqual({
      id: 'art-2',
      currentNumber: 3,
      currentTitle: 'Definitions',
    })
    const numbers = history.body.versions.map((v: { name: string; number: number }) => [
      v.name,
      v.number,
    ])
    expect(numbers).toEqual([
      ['Lima Discussion Text', 3],
      ['Vienna Discussion Text', 2],
      ['Wellington Discussion Text', 2],
      ['Dublin Draft Convention', 3],
      ['Current text', 3],
    ])
  })

  it('keeps a closed round’s text as it was, after later edits and a restart', async () => {
    const [chair, observer] = [await connect('chair'), await connect('observer')]
    expect((await api('chair', 'POST', '/rounds/dublin-2008/close', {})).status).toBe(200)
    const frozen = (await api('observer', 'GET', '/rounds/dublin-2008/text')).body.snapshot
    expect(frozen).toMatchObject({ roundId: 'dublin-2008', name: 'Dublin Discussion Text' })
    expect(frozen.state).toBeUndefined()

    const line = clauseText(chair.doc, 3, 1)
    line.delete(0, 'Each State Party undertakes'.length)
    line.insert(0, 'All States Parties undertake')
    // Another client has it only once the server stored and sent it.
    await waitFor('the edit stored', () =>
      observer.pmDoc().child(5).textContent.includes('All States'),
    )
    clients.splice(0).forEach((c) => c.destroy())
    server = await server.restart()

    const again = await api('observer', 'GET', '/rounds/dublin-2008/text')
    expect(again.status).toBe(200)
    expect(again.body.snapshot).toEqual(frozen)
    const diff = await api('observer', 'GET', '/articles/art-4/diff?from=dublin-2008&to=current')
    expect(diff.status).toBe(200)
    const parts = diff.body.diff as { op: string; text: string }[]
    expect(parts.find((p) => p.op === 'delete')?.text).toContain('Each State Party undertakes')
    expect(parts.find((p) => p.op === 'insert')?.text).toContain('All States Parties undertake')
    // Not closed, or unknown: no frozen text.
    const open = await api('chair', 'POST', '/rounds', {
      name: 'Later',
      place: 'Oslo, Norway',
      startDate: '2010-11-09',
      endDate: '2010-11-12',
    })
    expect((await api('observer', 'GET', `/rounds/${open.body.round.id}/text`)).status).toBe(404)
    expect((await api('observer', 'GET', '/rounds/nowhere/text')).status).toBe(404)
  })

  it('shows the demo’s Article 2 across three rounds with diffs, its proposals and positions', async () => {
    const history = await api('observer', 'GET', '/articles/art-2/history')
    expect(history.status).toBe(200)
    const frozen = history.body.versions.filter((v: { roundId: string | null }) => v.roundId)
    expect(frozen.length).toBeGreaterThanOrEqual(3)
    expect(history.body.proposals.length).toBeGreaterThan(0)
    for (const p of history.body.proposals) expect(p.articleId).toBe('art-2')
    const positions = history.body.proposals.flatMap((p: { positions: unknown[] }) => p.positions)
    expect(positions.length).toBeGreaterThan(0)
    expect(history.body.events.some((e: NegotiationEvent) => e.type === 'position-recorded')).toBe(
      true,
    )

    const diff = await api(
      'observer',
      'GET',
      '/articles/art-2/diff?from=vienna-2007&to=wellington-2008',
    )
    expect(diff.body.from).toMatchObject({ roundId: 'vienna-2007', number: 2 })
    const inserted = diff.body.diff.filter((p: { op: string }) => p.op === 'insert')
    const deleted = diff.body.diff.filter((p: { op: string }) => p.op === 'delete')
    expect(inserted.map((p: { text: string }) => p.text).join('')).toContain('victims')
    expect(deleted.map((p: { text: string }) => p.text).join('')).toContain('Placeholder')

    // Filtered by actor: Germany's proposals and positions only.
    const germany = await api('observer', 'GET', '/articles/art-2/history?actor=DEU')
    expect(germany.body.proposals.length).toBeGreaterThan(0)
    expect(germany.body.proposals.length).toBeLessThan(history.body.proposals.length)
    for (const e of germany.body.events) expect(e.actorId).toBe('DEU')
    expect(
      (await api('observer', 'GET', '/articles/art-2/diff?from=paris&to=current')).status,
    ).toBe(404)
  })
})
