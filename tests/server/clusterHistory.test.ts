import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { call } from '../support/api'
import { clauseText, connectClient, waitFor } from '../support/collabClient'
import { startCluster, type Cluster } from '../support/cluster'

const A = 0
const B = 1

interface LoggedEvent {
  type: string
  accountId: string | null
  articleId: string | null
  at: string
  roundId: string | null
  data: Record<string, unknown>
}

// Edits summarised into the event log with two instances holding the same text (issue 16): each
// instance summarises its own clients' edits only, and another instance's edits never reach its
// summaries, so the log has each change once, under its author.
describe('edit summaries with two instances', () => {
  let cluster: Cluster

  beforeAll(async () => {
    cluster = await startCluster(2)
  }, 120_000)
  afterAll(() => cluster?.close())

  const events = async (type: string): Promise<LoggedEvent[]> =>
    (
      await call(
        cluster.url(A),
        { token: await cluster.token('chair') },
        'GET',
        `/api/negotiations/ccm/events?type=${type}`,
      )
    ).body.events
  const accountOf = async (who: string): Promise<string> =>
    (await call(cluster.url(A), { token: await cluster.token(who) }, 'GET', '/api/me')).body.me
      .account.id
  const articleId = (doc: Y.Doc, index: number) =>
    String((doc.getXmlFragment(TEXT_FRAGMENT).get(2 + index) as Y.XmlElement).getAttribute('id'))

  it("summarises each client's edits once, on its own instance, and a rename once", async () => {
    const chair = connectClient(cluster.wsUrl(A), 'ccm/text', {
      token: await cluster.token('chair'),
    })
    const admin = connectClient(cluster.wsUrl(B), 'ccm/text', {
      token: await cluster.token('admin'),
    })
    const started = new Date().toISOString()
    let first = ''
    let second = ''
    try {
      await Promise.all([chair.synced(), admin.synced()])
      first = articleId(chair.doc, 0)
      second = articleId(chair.doc, 1)
      clauseText(chair.doc, 0, 1).insert(0, 'Typed on A. ')
      // B's client renames the second article while A's client has edits waiting.
      clauseText(admin.doc, 1, 0).insert(0, 'Renamed on B ')
      await waitFor('the rename at the client of A', () =>
        clauseText(chair.doc, 1, 0).toString().startsWith('Renamed on B'),
      )
      clauseText(chair.doc, 0, 1).insert(0, 'More. ')
      await waitFor('the typing at the client of B', () =>
        clauseText(admin.doc, 0, 1).toString().startsWith('More. Typed on A.'),
      )
    } finally {
      // The rooms unload on both instances: every waiting summary is written.
      chair.destroy()
      admin.destroy()
    }
    const [chairId, adminId] = [await accountOf('chair'), await accountOf('admin')]
    // This test's events: the demo's history holds others.
    const all = async () =>
      [...(await events('text-edited')), ...(await events('article-renamed'))].filter(
        (e) => e.at >= started,
      )
    const written = (list: LoggedEvent[]) =>
      list.some((e) => e.type === 'text-edited' && e.accountId === chairId) &&
      list.some((e) => e.type === 'text-edited' && e.accountId === adminId) &&
      list.some((e) => e.type === 'article-renamed')
    for (let tries = 0; !written(await all()); tries++) {
      if (tries > 300) throw new Error(`summaries not written: ${JSON.stringify(await all())}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    // A late duplicate from the other instance would come within moments of the first.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const logged = await all()
    const summary = (e: LoggedEvent) => [e.type, e.accountId, e.articleId]
    expect(logged.map(summary).sort()).toEqual(
      [
        ['text-edited', chairId, first],
        ['text-edited', adminId, second],
        ['article-renamed', adminId, second],
      ].sort(),
    )
    const typed = logged.find((e) => e.type === 'text-edited' && e.accountId === chairId)
    expect(typed?.data.insertedChars).toBe('Typed on A. More. '.length)
  })

  it("closing a round on A writes out the edits B's clients made in it first", async () => {
    const chair = connectClient(cluster.wsUrl(A), 'ccm/text', {
      token: await cluster.token('chair'),
    })
    const admin = connectClient(cluster.wsUrl(B), 'ccm/text', {
      token: await cluster.token('admin'),
    })
    try {
      await Promise.all([chair.synced(), admin.synced()])
      const started = new Date().toISOString()
      clauseText(admin.doc, 0, 1).insert(0, 'Typed on B before the close. ')
      await waitFor('the typing at A', () =>
        clauseText(chair.doc, 0, 1).toString().startsWith('Typed on B before the close.'),
      )
      // Both clients stay: B's summary would otherwise wait for 20 s of quiet.
      const closed = await call(
        cluster.url(A),
        { token: await cluster.token('chair') },
        'POST',
        '/api/negotiations/ccm/rounds/dublin-2008/close',
        {},
      )
      expect(closed.status).toBe(200)
      const adminId = await accountOf('admin')
      const typed = (await events('text-edited')).filter(
        (e) => e.at >= started && e.accountId === adminId,
      )
      expect(typed.map((e) => [e.roundId, e.data.insertedChars])).toEqual([
        ['dublin-2008', 'Typed on B before the close. '.length],
      ])
    } finally {
      chair.destroy()
      admin.destroy()
    }
  })
})
