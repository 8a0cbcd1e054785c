import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsv } from '../../shared/domain/csv'
import { call } from '../support/api'
import { aknStructureProblems, xsdProblems } from '../support/aknStructure'
import { docxParagraphs } from '../support/docx'
import { useTestServer } from '../support/serverHarness'
import { startServer, type TestServer } from '../support/startServer'

interface StanceProposal {
  id: string
  title: string
  synthetic?: boolean
}

const NOTE = 'Entries marked Synthetic were invented for the demo and are not from a source.'
const REPORTED = 'Reported: Test plenary statement, exports provenance'
const PRIVATE = 'CMC-ONLY heard in the corridor'

// The demo, which keeps some invented proposals marked synthetic: every export of it marks them
// "Synthetic", gives a reported position its source, and keeps a group's entries to the group.
describe('provenance in every export', () => {
  const h = useTestServer(['chair', 'ana', 'ben', 'hana', 'france', 'observer', 'admin'])
  let synthetic: StanceProposal
  let reported: StanceProposal

  const get = async (who: string, path: string) => {
    const res = await fetch(`${h.server.url}/api/negotiations/ccm${path}`, {
      headers: { ...h.session(who) },
    })
    return {
      status: res.status,
      headers: res.headers,
      bytes: new Uint8Array(await res.arrayBuffer()),
    }
  }
  const text = async (who: string, path: string) => {
    const res = await get(who, path)
    expect(res.status, path).toBe(200)
    return Buffer.from(res.bytes).toString('utf8')
  }

  beforeAll(async () => {
    const stances = await h.api('observer', 'GET', '/stances')
    expect(stances.status).toBe(200)
    const proposals = stances.body.proposals as StanceProposal[]
    const invented = proposals.find((p) => p.synthetic === true)
    const real = proposals.find((p) => p.synthetic !== true)
    if (!invented || !real) throw new Error('the demo has no tabled synthetic and real proposal')
    synthetic = invented
    reported = real
    // A reported position the chair records, with its source, on a proposal that is not invented.
    const recorded = await h.api('chair', 'POST', `/proposals/${reported.id}/positions`, {
      actorId: 'AUT',
      stance: 'supports',
      source: 'Test plenary statement, exports provenance',
      provenance: 'reported',
    })
    expect(recorded.status).toBe(201)
    // And one invented for an exercise, marked so.
    const exercise = await h.api('chair', 'POST', `/proposals/${reported.id}/positions`, {
      actorId: 'BEL',
      stance: 'opposes',
      source: 'exercise',
      provenance: 'synthetic',
    })
    expect(exercise.status).toBe(201)
    // And a campaigner's entry on France, private to her group.
    const issues = (await h.api('ana', 'GET', '/issues')).body.issues as { id: string }[]
    const entry = await h.api('ana', 'POST', '/statements', {
      target: { kind: 'issue', issueId: issues[0]?.id },
      actorId: 'FRA',
      stance: 'concerns',
      quote: PRIVATE,
      record: 'group:cmc',
    })
    expect(entry.status).toBe(201)
  })

  it('marks the synthetic proposal in the printed compendium and gives the reported position its source', async () => {
    const html = await text('observer', '/export/compendium.html')
    const at = html.indexOf(`id="${synthetic.id}"`)
    expect(at).toBeGreaterThan(0)
    const heading = html.slice(at, html.indexOf('</h3>', at))
    expect(heading).toContain('<span class="badge-synthetic">Synthetic</span>')
    expect(html).toContain(NOTE)
    expect(html).toMatch(
      new RegExp(`Austria \\([^)]*\\) — <span class="provenance">${REPORTED}</span>`),
    )
    expect(html).toMatch(
      /Belgium \([^)]*\) — <span class="badge-synthetic">Synthetic<\/span> exercise/,
    )
    expect(html).not.toContain(PRIVATE)
  })

  it('lists stances on proposals from the records every member reads, each record apart, and no group’s unpublished one', async () => {
    const own = await h.api('france', 'POST', '/statements', {
      target: { kind: 'proposal', proposalId: reported.id },
      actorId: 'FRA',
      stance: 'opposes',
      quote: 'France in its own words, exports provenance',
      record: 'delegation:FRA',
    })
    expect(own.status).toBe(201)
    const secretariat = await h.api('chair', 'POST', '/statements', {
      target: { kind: 'proposal', proposalId: reported.id },
      actorId: 'FRA',
      stance: 'supports',
      source: 'Secretariat summary, exports provenance',
      provenance: 'reported',
      record: 'secretariat',
    })
    expect(secretariat.status).toBe(201)
    const group = await h.api('ana', 'POST', '/statements', {
      target: { kind: 'proposal', proposalId: reported.id },
      actorId: 'FRA',
      stance: 'concerns',
      quote: `${PRIVATE} on a proposal`,
      record: 'group:cmc',
    })
    expect(group.status).toBe(201)
    for (const who of ['observer', 'ana']) {
      const html = await text(who, '/export/compendium.html')
      expect(html).toMatch(
        /France \([^)]*\) — <span class="provenance">Recorded by Delegation of France<\/span> <span class="quote">“France in its own words, exports provenance”/,
      )
      expect(html).toMatch(
        /France \([^)]*\) — <span class="provenance">Reported: Secretariat summary, exports provenance<\/span>/,
      )
      expect(html).not.toContain(PRIVATE)
    }
  })

  it('does the same in the Word compendium', async () => {
    const res = await get('observer', '/export/compendium.docx')
    expect(res.status).toBe(200)
    const paragraphs = await docxParagraphs(res.bytes)
    const title = paragraphs.find((p) => p.includes(`. ${synthetic.title}`))
    expect(title).toMatch(/\[Synthetic\]$/)
    expect(paragraphs).toContain(NOTE)
    expect(paragraphs.some((p) => p.startsWith('Austria (') && p.endsWith(`— ${REPORTED}`))).toBe(
      true,
    )
    expect(
      paragraphs.some((p) => p.startsWith('Belgium (') && p.endsWith('— Synthetic; exercise')),
    ).toBe(true)
  })

  it('does the same in Akoma Ntoso, and the file stays valid', async () => {
    const xml = await text('observer', '/export/compendium.akn.xml')
    expect(xml).toMatch(
      new RegExp(`<hcontainer name="proposal"[^>]*GUID="${synthetic.id}" class="synthetic">`),
    )
    expect(xml).toContain('<span class="synthetic">Synthetic</span></heading>')
    expect(xml).toContain(NOTE)
    expect(xml).toMatch(new RegExp(`Austria \\([^)]*\\) — ${REPORTED}`))
    expect(xml).toMatch(/Belgium \([^)]*\) — Synthetic; exercise/)
    expect(aknStructureProblems(xml)).toEqual([])
    const xsd = xsdProblems(xml)
    if (xsd === undefined)
      console.log('No AKN 3.0 XSD or xmllint here: content models checked only')
    else expect(xsd).toBeNull()
  })

  it('says "Synthetic" in the note of an invented proposal in the text with brackets (HTML and Word)', async () => {
    const html = await text('observer', '/export/text.html?view=proposals')
    const notes = [
      ...html.matchAll(
        /<span class="proposal-note[^"]*" data-proposal-id="([^"]+)"[^>]*>(.*?)<\/span>\}?<\/span>/g,
      ),
    ]
    expect(notes.length).toBeGreaterThan(0)
    const stances = await h.api('observer', 'GET', '/stances')
    const invented = new Set(
      (stances.body.proposals as StanceProposal[]).filter((p) => p.synthetic).map((p) => p.id),
    )
    for (const [, id, note] of notes) {
      expect(note?.includes('Synthetic'), id).toBe(invented.has(id as string))
    }
    expect(notes.some(([, id]) => invented.has(id as string))).toBe(true)
    const docx = await get('observer', '/export/text.docx?view=proposals')
    expect((await docxParagraphs(docx.bytes)).join('\n')).toMatch(/\((?:[a-z ]+, )?Synthetic\): /)
  })

  it('lists every entry a reader may see in positions.csv, with provenance, and a group entry only for the group', async () => {
    const res = await get('ana', '/export/positions.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="?ccm-positions-[\d-]+\.csv"?$/,
    )
    const csv = Buffer.from(res.bytes).toString('utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const read = readCsv(csv)
    if (!read.ok) throw new Error(read.error.message)
    const [head, ...rows] = read.records.map((r) => r.cells.map((c) => c.value))
    expect(head).toEqual([
      'actor id',
      'actor',
      'target kind',
      'target id',
      'target',
      'target provenance',
      'article',
      'stance',
      'round',
      'date',
      'source',
      'quote',
      'provenance',
      'record',
      'published',
      'current',
    ])
    const col = (name: string) => (head as string[]).indexOf(name)
    const austria = rows.find(
      (r) => r[col('actor id')] === 'AUT' && r[col('target id')] === reported.id,
    )
    expect(austria?.[col('provenance')]).toBe('Reported')
    expect(austria?.[col('source')]).toBe('Test plenary statement, exports provenance')
    expect(austria?.[col('target')]).toBe(reported.title)
    const belgium = rows.find(
      (r) => r[col('actor id')] === 'BEL' && r[col('target id')] === reported.id,
    )
    expect(belgium?.[col('provenance')]).toBe('Synthetic')
    const onInvented = rows.filter((r) => r[col('target id')] === synthetic.id)
    for (const r of onInvented) expect(r[col('target provenance')]).toBe('Synthetic')
    expect(rows.some((r) => r[col('target kind')] === 'issue')).toBe(true)
    const own = rows.find((r) => r[col('quote')] === PRIVATE)
    expect(own?.[col('record')]).toMatch(/cmc|Cluster Munition Coalition/i)
    expect(own?.[col('published')]).toBe('no')
    expect(await text('ben', '/export/positions.csv')).toContain(PRIVATE)
    for (const outsider of ['hana', 'france', 'observer', 'chair']) {
      const theirs = await text(outsider, '/export/positions.csv')
      expect(theirs, outsider).not.toContain(PRIVATE)
      expect(theirs, outsider).toContain('Test plenary statement, exports provenance')
    }
  })

  it('ends each position of the report to capital with its provenance, in HTML and DOCX', async () => {
    const since = encodeURIComponent('2007-01-01T00:00:00Z')
    const html = await text('observer', `/report.html?since=${since}`)
    expect(html).toMatch(/Austria supports P\d+ “[^”]*” — Reported: Test plenary statement/)
    expect(html).toMatch(/Belgium opposes P\d+ “[^”]*” \(exercise\) \[Synthetic\]/)
    expect(html).toContain('[Synthetic]')
    expect(html).toContain('Entries marked [Synthetic] were invented for the demo')
    // Statements on issues and proposals too, a group's unpublished one only for the group.
    expect(html).toMatch(
      /France opposes P\d+ “[^”]*”: “France in its own words, exports provenance” — Recorded by Delegation of France/,
    )
    expect(html).toMatch(/Austria supports the issue “[^”]*”: “[^”]*” — Reported: CMC report/)
    expect(html).not.toContain(PRIVATE)
    expect(await text('ana', `/report.html?since=${since}`)).toContain(PRIVATE)
    expect(await text('hana', `/report.html?since=${since}`)).not.toContain(PRIVATE)
    const docx = await get('observer', `/report.docx?since=${since}`)
    expect(docx.status).toBe(200)
    const paragraphs = (await docxParagraphs(docx.bytes)).join('\n')
    expect(paragraphs).toContain(`— ${REPORTED}`)
    expect(paragraphs).toMatch(/\[Synthetic\]$/m)
  })

  it('refuses positions.csv to someone who is no member', async () => {
    const res = await fetch(`${h.server.url}/api/negotiations/ccm/export/positions.csv`)
    expect(res.status).toBe(401)
    expect(await res.text()).not.toContain(PRIVATE)
  })

  describe('the whole negotiation as JSON', () => {
    let fresh: TestServer
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let exported: any
    beforeAll(async () => {
      fresh = await startServer({ demo: false })
      const res = await get('admin', '/export/negotiation.json')
      expect(res.status).toBe(200)
      exported = JSON.parse(Buffer.from(res.bytes).toString('utf8'))
    })
    afterAll(() => fresh.dispose())

    it('carries who stands where, provenance and the groups’ private entries (an admin’s backup)', () => {
      expect(exported.version).toBe(2)
      expect(exported.issues.length).toBeGreaterThan(5)
      expect(exported.statements.length).toBeGreaterThan(10)
      expect(exported.declarations.length).toBeGreaterThan(0)
      expect(exported.roundCounts.length).toBeGreaterThan(0)
      expect(exported.treatyStatus.length).toBeGreaterThan(0)
      expect(exported.targetLists.length).toBeGreaterThan(0)
      expect(exported.proposals.find((p: StanceProposal) => p.id === synthetic.id).synthetic).toBe(
        true,
      )
      const austria = exported.positions.find(
        (p: { actorId: string; proposalId: string }) =>
          p.actorId === 'AUT' && p.proposalId === reported.id,
      )
      expect(austria).toMatchObject({ provenance: 'reported', record: 'secretariat' })
      expect(exported.statements.find((s: { quote: string }) => s.quote === PRIVATE)).toMatchObject(
        { record: 'group:cmc', published: false },
      )
    })

    it('imports under a new id with the same counts, and re-exports the same', async () => {
      const admin = await fresh.loginAs('admin')
      const res = await call(
        fresh.url,
        admin,
        'POST',
        '/api/negotiations/import-json?id=ccm-copy',
        exported,
        { origin: fresh.url },
      )
      expect(res.status).toBe(201)
      const lists = [
        'issues',
        'statements',
        'papers',
        'declarations',
        'endorsements',
        'roundCounts',
        'treatyStatus',
        'targetLists',
        'campaignActions',
        'positions',
        'proposals',
      ]
      for (const list of lists) {
        expect(res.body.imported[list], list).toBe(exported[list].length)
      }
      const again = await call(
        fresh.url,
        admin,
        'GET',
        '/api/negotiations/ccm-copy/export/negotiation.json',
      )
      expect(again.status).toBe(200)
      for (const list of lists) expect(again.body[list].length, list).toBe(exported[list].length)
      const strip = (xs: { negotiationId?: string }[]) => xs.map(({ negotiationId: _n, ...x }) => x)
      expect(strip(again.body.statements)).toEqual(strip(exported.statements))
      expect(strip(again.body.issues)).toEqual(strip(exported.issues))
      expect(strip(again.body.positions)).toEqual(strip(exported.positions))
    })

    it('still imports a file of version 1, which has none of it', async () => {
      // Another instance: record ids (positions) are unique across an instance.
      const other = await startServer({ demo: false })
      const admin = await other.loginAs('admin')
      const old = { ...exported, version: 1 }
      for (const key of [
        'issues',
        'statements',
        'papers',
        'declarations',
        'endorsements',
        'roundCounts',
        'treatyStatus',
        'targetLists',
        'campaignActions',
      ]) {
        delete old[key]
      }
      old.positions = exported.positions.map(
        ({ provenance: _p, record: _r, ...p }: Record<string, unknown>) => p,
      )
      try {
        const res = await call(
          other.url,
          admin,
          'POST',
          '/api/negotiations/import-json?id=ccm-v1',
          old,
          { origin: other.url },
        )
        expect(res.status).toBe(201)
        expect(res.body.imported).toMatchObject({ issues: 0, statements: 0, targetLists: 0 })
        expect(res.body.imported.positions).toBe(exported.positions.length)
      } finally {
        await other.dispose()
      }
    })

    it('refuses a file whose statements name an issue it does not have, importing nothing', async () => {
      const admin = await fresh.loginAs('admin')
      const broken = {
        ...exported,
        statements: [
          { ...exported.statements[0], target: { kind: 'issue', issueId: 'no-such-issue' } },
        ],
      }
      const res = await call(
        fresh.url,
        admin,
        'POST',
        '/api/negotiations/import-json?id=ccm-broken',
        broken,
        { origin: fresh.url },
      )
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('invalid_export')
      const gone = await call(
        fresh.url,
        admin,
        'GET',
        '/api/negotiations/ccm-broken/export/negotiation.json',
      )
      expect(gone.status).toBe(404)
    })

    it('refuses the JSON export to anyone but an administrator', async () => {
      const res = await get('chair', '/export/negotiation.json')
      expect(res.status).toBe(403)
      expect(Buffer.from(res.bytes).toString('utf8')).not.toContain(PRIVATE)
    })
  })
})
