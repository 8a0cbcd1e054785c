import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NegotiationEvent } from '../../shared/domain/events'
import type { Report } from '../../shared/domain/report/types'
import { annotationAnchorOn, writeAnnotation } from '../support/annotations'
import { call } from '../support/api'
import { clauseText, connectClient, type CollabClient } from '../support/collabClient'
import { docxParagraphs } from '../support/docx'
import {
  downloadBytes,
  libreOffice,
  libreOfficeText,
  proposeAs,
  type ApiAs,
} from '../support/report'
import { startServer, type TestServer } from '../support/startServer'

const TABLED = 'France: a narrower definition'
const DRAFT = 'France: an unannounced draft'
const NOTE = 'CMC strategy: lobby the Germans'
const TYPED = 'in all circumstances '

// The report to capital: what changed since a moment, as the reader may read it.
describe('the report to capital', () => {
  let server: TestServer
  const clients: CollabClient[] = []
  let api: ApiAs
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    await client.synced()
    return client
  }
  const report = async (who: string, query: string) =>
    api(who, 'GET', `/report?${query}`) as Promise<{
      status: number
      body: { report: Report; previousVisit: string | null }
    }>

  beforeEach(async () => {
    server = await startServer({ textEditQuietMs: 100 })
    api = async (who, method, path, body) =>
      call(
        server.url,
        { token: await server.tokenFor(who) },
        method,
        `/api/negotiations/ccm${path}`,
        body,
      )
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  // France tables one proposal and keeps another in draft, the chair edits Art. 1, Germany and
  // Austria record positions, and the CMC writes a note, all after `since`.
  const aDay = async () => {
    const since = new Date().toISOString()
    const tabled = await proposeAs(api, connect, 'france', {
      articleId: 'art-2',
      quote: '“Cluster munition”',
      title: TABLED,
      wording: 'a narrower definition of cluster munition',
    })
    const draft = await proposeAs(api, connect, 'france', {
      articleId: 'art-2',
      quote: '“Cluster munition”',
      title: DRAFT,
      wording: 'words France has not shown anyone',
      table: false,
    })
    for (const [who, actorId, stance] of [
      ['germany', 'DEU', 'concerns'],
      ['austria', 'AUT', 'opposes'],
    ] as const) {
      const recorded = await api(who, 'POST', `/proposals/${tabled}/positions`, {
        actorId,
        stance,
        source: 'Dublin plenary',
        quote: `${actorId} spoke on the definition.`,
      })
      expect(recorded.status).toBe(201)
    }
    const chair = await connect('chair', 'ccm/text')
    clauseText(chair.doc, 0, 1).insert(0, TYPED)
    const notes = await connect('ana', 'ccm/notes/cmc')
    const text = await connect('ana', 'ccm/text')
    writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-2',
      anchor: annotationAnchorOn(text.doc, 'art-2', '“Cluster munition”'),
      body: NOTE,
    })
    // The edit summary is written after a quiet moment; wait for it in the log.
    for (let tries = 0; ; tries++) {
      const events: NegotiationEvent[] = (await api('chair', 'GET', '/events?type=text-edited'))
        .body.events
      if (events.some((e) => e.at >= since && e.articleId === 'art-1')) break
      if (tries > 500) throw new Error('no text-edited event')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return { since, tabled, draft }
  }

  it('lists for germany the proposals tabled, positions and text changes since a time, and nothing of drafts or notes', async () => {
    const { since, tabled, draft } = await aDay()
    const answer = await report('germany', `since=${encodeURIComponent(since)}`)
    expect(answer.status).toBe(200)
    const r = answer.body.report
    const art2 = r.sections.find((s) => s.articleId === 'art-2')
    expect(art2?.heading).toMatch(/^Article 2/)
    expect(art2?.proposals).toMatchObject([{ proposalId: tabled, title: TABLED, what: 'Tabled' }])
    expect(art2?.positions.map((p) => [p.actor, p.stance])).toEqual([
      ['Germany', 'concerns'],
      ['Austria', 'opposes'],
    ])
    const art1 = r.sections.find((s) => s.articleId === 'art-1')
    const inserted = art1?.textChange?.diff.filter((p) => p.op === 'insert').map((p) => p.text)
    expect(inserted?.join('')).toContain(TYPED.trim())
    expect(art1?.edits).toMatchObject([{ byName: expect.stringContaining('Chair') }])
    // The demo's events (of 2007-08) are before the start, so nothing synthetic is in it but the
    // baseline, a synthetic frozen text, which the report says it compares against.
    expect(r.baseline).toMatchObject({ exact: false, synthetic: true })
    expect(r.caveats.join(' ')).toMatch(/not the text at every moment/)
    expect(r.since.at).toBe(since)
    // Articles the period did not touch are not news, even where the older baseline differs.
    expect(r.sections.map((s) => s.articleId)).toEqual(['art-1', 'art-2'])
    const everything = JSON.stringify(answer.body)
    expect(everything).not.toContain(DRAFT)
    expect(everything).not.toContain(draft)
    expect(everything).not.toContain(NOTE)

    // France, the sponsor, sees its own draft neither: a report is of what was tabled.
    const own = JSON.stringify((await report('france', `since=${encodeURIComponent(since)}`)).body)
    expect(own).toContain(TABLED)
    expect(own).not.toContain(NOTE)

    // Filters: Austria's positions only, Art. 1 only.
    const austria = (await report('germany', `since=${encodeURIComponent(since)}&actors=AUT`)).body
      .report
    expect(austria.sections.flatMap((s) => s.positions.map((p) => p.actor))).toEqual(['Austria'])
    const art1Only = (await report('germany', `since=${encodeURIComponent(since)}&articles=art-1`))
      .body.report
    expect(art1Only.sections.map((s) => s.articleId)).toEqual(['art-1'])
  })

  it('makes a Word file and a print page of it, with the tabled proposal and not the draft', async () => {
    const { since } = await aDay()
    const token = await server.tokenFor('germany')
    const file = await downloadBytes(
      `${server.url}/api/negotiations/ccm/report.docx?since=${encodeURIComponent(since)}`,
      { authorization: `Bearer ${token}` },
    )
    expect(file.status).toBe(200)
    expect(file.type).toContain('wordprocessingml')
    const paragraphs = await docxParagraphs(file.bytes)
    const text = paragraphs.join('\n')
    expect(text).toContain(`“${TABLED}”`)
    expect(text).toContain('Germany has concerns about')
    expect(text).toContain(TYPED.trim())
    expect(text).not.toContain(DRAFT)
    expect(text).not.toContain(NOTE)
    const page = await downloadBytes(
      `${server.url}/api/negotiations/ccm/report.html?since=${encodeURIComponent(since)}`,
      { authorization: `Bearer ${token}` },
    )
    const html = new TextDecoder().decode(page.bytes)
    expect(html).toContain(`“${TABLED}”`)
    expect(html).toContain('counter(page)')
    expect(html).not.toContain(DRAFT)
    const lo = await libreOffice()
    if (lo) {
      expect(await libreOfficeText(lo, file.bytes)).toContain(TABLED)
    } else {
      console.info(
        'LibreOffice is not installed here: the report DOCX was read back with JSZip only.',
      )
    }
  }, 120_000)

  it('starts from a closed round’s frozen text, exactly, and from the reader’s last visit', async () => {
    const byRound = await report('germany', 'since=round:vienna-2007')
    expect(byRound.status).toBe(200)
    expect(byRound.body.report.baseline).toMatchObject({ exact: true, synthetic: true })
    expect(byRound.body.report.synthetic).toBe(true)
    expect(byRound.body.report.sections.length).toBeGreaterThan(0)
    expect((await report('germany', 'since=round:dublin-2008')).status).toBe(409)
    expect((await report('germany', 'since=yesterday')).status).toBe(400)

    // The first visit has none before it; the second starts where the first was made.
    const first = await report('germany', 'since=last-visit')
    expect(first.body.previousVisit).not.toBeNull() // the two calls above were visits too
    const second = await report('germany', 'since=last-visit')
    expect(second.body.report.since.kind).toBe('last-visit')
    expect(second.body.report.since.at).toBe(second.body.previousVisit)
    expect(second.body.report.since.at >= (first.body.previousVisit ?? '')).toBe(true)
    const fresh = await report('austria', 'since=last-visit')
    expect(fresh.body.previousVisit).toBeNull()
    expect(fresh.body.report.since.label).toContain('no earlier visit')
  })
})
