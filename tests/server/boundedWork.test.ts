import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { openStorage } from '../../server/src/storage/openStorage'
import { call } from '../support/api'
import { anchorOn } from '../support/proposals'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { memoryOf, resetPeakMemory } from '../support/largeBodies'
import { spawnServer, type ServerProcess } from '../support/spawnServer'
import {
  createToken,
  DEMO_PASSWORD,
  login,
  startServer,
  TEST_ADMIN_PASSWORD,
} from '../support/startServer'
import { seededWords } from '../support/words'

const MB = 1024 * 1024

type Part = { op: 'equal' | 'insert' | 'delete'; text: string }
const older = (parts: Part[]) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('')
const newer = (parts: Part[]) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('')

// More edit summaries of one article than its history page carries.
const EDITS = 1200

// Appends `count` summaries of text edits to an article into a stopped server's data folder.
async function recordEdits(dataDir: string, articleId: string, count: number): Promise<void> {
  const storage = await openStorage(dataDir)
  try {
    await storage.atomically(async (tx) => {
      for (let i = 0; i < count; i++) {
        await tx.events.append({
          negotiationId: 'ccm',
          type: 'text-edited',
          at: new Date(Date.UTC(2008, 4, 19) + i * 60_000).toISOString(),
          accountId: null,
          byName: 'Chair',
          actorId: null,
          roundId: 'dublin-2008',
          articleId,
          proposalId: null,
          data: { insertedChars: i, deletedChars: 0 },
        })
      }
    })
  } finally {
    await storage.close()
  }
}

// A request whose cost grows with the data it reads must not hold the server for everyone else.
describe('bounded work: requests whose cost grows with data', () => {
  let server: ServerProcess
  let dataDir: string
  const tokens: Record<string, string> = {}
  const clients: CollabClient[] = []
  const pid = () => server.child.pid as number
  const api = (who: string, path: string, method = 'GET', body?: unknown) =>
    call(server.url, { token: tokens[who] as string }, method, `/api/negotiations/ccm${path}`, body)
  const connect = async (who: string) => {
    const client = connectClient(server.wsUrl, 'ccm/text', { token: tokens[who] as string })
    clients.push(client)
    await client.synced()
    return client
  }

  beforeAll(async () => {
    // The demo, with a long record of edits to Article 9 written while no server runs.
    const first = await startServer()
    await first.close()
    dataDir = first.dataDir
    await recordEdits(dataDir, 'art-9', EDITS)
    server = await spawnServer(dataDir)
    for (const who of ['chair', 'observer', 'germany', 'france']) {
      tokens[who] = await createToken(server.url, await login(server.url, who, DEMO_PASSWORD))
    }
    const admin = await login(server.url, 'admin', TEST_ADMIN_PASSWORD)
    tokens.admin = await createToken(server.url, admin)
  })
  afterAll(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    server.child.kill('SIGTERM')
    await server.exited
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('diffs 3,000 + 3,000 inserted words within 100 MB while /api/health keeps answering', async () => {
    // The chair inserts 3,000 words at the start of Article 2 and 3,000 at its end.
    const [chair, observer] = await Promise.all([connect('chair'), connect('observer')])
    const article = chair.doc.getXmlFragment(TEXT_FRAGMENT).get(3) as Y.XmlElement
    const articleId = String(article.getAttribute('id'))
    const first = clauseText(chair.doc, 1, 1)
    const last = clauseText(chair.doc, 1, article.length - 1)
    first.insert(0, `${seededWords(3000, 1)} `)
    last.insert(last.length, ` ${seededWords(3000, 2)}`)
    // The observer's copy has both edits once the server has applied and relayed them.
    const lengthOf = (c: CollabClient) =>
      (c.doc.getXmlFragment(TEXT_FRAGMENT).get(3) as Y.XmlElement).toString().length
    await waitFor('the edits at the observer', () => lengthOf(observer) === lengthOf(chair))

    const history = await api('observer', `/articles/${articleId}/history`)
    expect(history.status).toBe(200)
    const versions = history.body.versions as { roundId: string | null; text: string }[]
    const frozen = versions.filter((v) => v.roundId !== null).at(-1)
    const now = versions.find((v) => v.roundId === null)
    if (!frozen?.roundId || !now) throw new Error('the demo has a closed round and a live text')
    const path = `/articles/${articleId}/diff?from=${frozen.roundId}&to=current`
    // A small diff first, so that the big one's growth is its own and not the first call's.
    expect(
      (await api('observer', `/articles/${articleId}/diff?from=current&to=current`)).status,
    ).toBe(200)

    resetPeakMemory(pid())
    const before = memoryOf(pid()).rss
    let answered = false
    let healthDuringDiff = 0
    const diff = api('observer', path).finally(() => (answered = true))
    // Polls /api/health one request at a time for as long as the diff runs.
    while (!answered) {
      const health = await fetch(`${server.url}/api/health`)
      expect(health.status).toBe(200)
      if (!answered) healthDuringDiff++
    }
    const res = await diff
    const growth = memoryOf(pid()).peak - before

    expect(res.status).toBe(200)
    expect(healthDuringDiff).toBeGreaterThan(0)
    expect(growth).toBeLessThan(100 * MB)
    // A word diff, or a coarser one that says so; either gives both versions back.
    expect(['word', 'paragraph']).toContain(res.body.granularity)
    expect(older(res.body.diff)).toBe(frozen.text)
    expect(newer(res.body.diff)).toBe(now.text)
  })

  it('fills a page of events with what the caller may see, past other delegations’ drafts', async () => {
    const text = await connect('germany')
    const { events } = (await api('france', '/events')).body as { events: { seq: number }[] }
    const after = events.at(-1)?.seq ?? 0
    const draft = async (who: string, quote: string) => {
      const created = await api(who, '/proposals', 'POST', {
        params: { kind: 'deadline-change', fromYears: 8, toYears: 4 },
        title: `${who}: ${quote}`,
        articleId: 'art-3',
        anchor: anchorOn(text.doc, 'art-3', quote),
      })
      expect(created.status).toBe(201)
      return created.body.proposal.id as string
    }
    // Three of Germany's drafts, private to Germany, come before France's own.
    for (let i = 0; i < 3; i++) await draft('germany', 'not later than eight years')
    const own = await draft('france', 'not later than eight years')

    const page = await api('france', `/events?after=${after}&limit=2&type=proposal-created`)
    expect(page.status).toBe(200)
    expect(page.body.events.map((e: { proposalId: string }) => e.proposalId)).toContain(own)
    expect(page.body.events.every((e: { proposalId: string | null }) => e.proposalId === own)).toBe(
      true,
    )
    expect(page.body.next).toBeNull()
  })

  it('makes one PDF at a time with two waiting, and refuses more at once with 503', async () => {
    // CI installs Chromium (.ci/run); without it every PDF answers 501 and nothing queues.
    expect(fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')).toBe(true)
    const pdf = () =>
      fetch(`${server.url}/api/negotiations/ccm/export/text.pdf`, {
        headers: { authorization: `Bearer ${tokens.observer}` },
      })
    const answers = await Promise.all(Array.from({ length: 5 }, pdf))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 503, 503])
    for (const answer of answers) {
      if (answer.status === 200) {
        expect(
          Buffer.from(await answer.arrayBuffer())
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-')
        continue
      }
      const { error } = (await answer.json()) as { error: { code: string; message: string } }
      expect(error.code).toBe('busy')
      expect(error.message).toMatch(/try again/)
      expect(answer.headers.get('retry-after')).toBe('10')
    }
  })

  it('refuses a treaty text of more lines than any treaty with 413 and a sentence', async () => {
    // One article of 150,000 one-word clauses: 1.5 MB, within the body limit.
    const clauses = Array.from({ length: 150_000 }, (_, i) => `${i + 1}. ab`)
    const text = ['A Treaty', 'Article 1', 'Scope', ...clauses].join('\n')
    const res = await call(
      server.url,
      { token: tokens.admin as string },
      'POST',
      '/api/negotiations/import',
      {
        text,
        id: 'too-long',
      },
    )
    expect(res.status).toBe(413)
    expect(res.body.error).toMatchObject({
      code: 'treaty_too_large',
      lines: 150_003,
      limit: 20_000,
    })
    expect(res.body.error.message).toContain('150,003 lines')
    expect((await api('admin', '')).status).toBe(200)
    expect(
      (
        await call(
          server.url,
          { token: tokens.admin as string },
          'GET',
          '/api/negotiations/too-long',
        )
      ).status,
    ).toBe(404)
  })

  it('carries the newest 1,000 of an article’s events in its history and says there are more', async () => {
    const history = await api('observer', '/articles/art-9/history')
    expect(history.status).toBe(200)
    expect(history.body.events).toHaveLength(1000)
    expect(history.body.olderEvents).toBe(true)
    // The newest, in log order: the last summary written is there, the first is not.
    const seqs = history.body.events.map((e: { seq: number }) => e.seq)
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
    const inserted = history.body.events.map(
      (e: { data: { insertedChars: number } }) => e.data.insertedChars,
    )
    expect(inserted.at(-1)).toBe(EDITS - 1)
    expect(inserted).not.toContain(0)
    // An article with few events has them all, and no more.
    const few = await api('observer', '/articles/art-1/history')
    expect(few.body.olderEvents).toBe(false)
    expect(few.body.events.length).toBeGreaterThan(0)
  })
})
