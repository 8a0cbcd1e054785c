import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aknStructureProblems } from '../support/aknStructure'
import { closeOsloRound, OSLO_TEXT } from '../support/closedRound'
import { docxParagraphs } from '../support/docx'
import { startServer, type Session, type TestServer } from '../support/startServer'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// The demo negotiation `ccm`: the Convention's 23 articles and the Vienna register.
describe('exports of the text and the compendium', () => {
  let server: TestServer
  const as: Record<string, Session> = {}

  const get = async (who: string | null, p: string) => {
    const res = await fetch(`${server.url}/api/negotiations/ccm${p}`, {
      headers: who ? { ...as[who] } : {},
    })
    return {
      status: res.status,
      headers: res.headers,
      bytes: new Uint8Array(await res.arrayBuffer()),
    }
  }
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8')
  const articles = async (): Promise<{ number: number; title: string }[]> =>
    JSON.parse(text((await get('observer', '/articles')).bytes)).articles
  const tabledTitles = async (): Promise<string[]> => {
    const { proposals } = JSON.parse(text((await get('observer', '/proposals')).bytes))
    return proposals.map((p: { title: string }) => p.title)
  }

  beforeAll(async () => {
    // The demo with its first round closed: Oslo's text frozen.
    const first = await startServer()
    await first.close()
    await closeOsloRound(first)
    server = await first.restart()
    for (const who of ['chair', 'observer', 'ana', 'germany', 'admin']) {
      as[who] = await server.loginAs(who)
    }
  })
  afterAll(() => server.dispose())

  it('writes the text as a Word file with every article heading and its clauses', async () => {
    const res = await get('observer', '/export/text.docx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('wordprocessingml.document')
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="?ccm-text-\d{4}-\d{2}-\d{2}\.docx"?$/,
    )
    const paragraphs = await docxParagraphs(res.bytes)
    expect(paragraphs).toContain('Convention on Cluster Munitions')
    for (const a of await articles()) {
      const at = paragraphs.indexOf(`Article ${a.number}`)
      expect(at, `Article ${a.number}`).toBeGreaterThan(0)
      expect(paragraphs[at + 1]).toBe(a.title)
    }
    // Hanging labels: the label, a tab, then the words.
    expect(paragraphs).toContain(
      '(v)\tEach explosive submunition is equipped with an electronic self-deactivating feature;',
    )
  })

  it('writes the compendium as a Word file listing every tabled proposal of the demo', async () => {
    const res = await get('observer', '/export/compendium.docx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="?ccm-compendium-[\d-]+\.docx"?$/,
    )
    const body = (await docxParagraphs(res.bytes)).join('\n')
    const titles = await tabledTitles()
    expect(titles.length).toBeGreaterThan(5)
    for (const title of titles) expect(body, title).toContain(title)
    expect(body).toContain('Article 2 — Definitions')
    expect(body).toMatch(/Support \(\d+\):/)
  })

  it('opens both Word files in LibreOffice when it is installed', async () => {
    const soffice = ['libreoffice', 'soffice'].find((cmd) => spawnSync('which', [cmd]).status === 0)
    if (!soffice) {
      console.log(
        'LibreOffice is not installed: the DOCX exports were checked by parsing them back only',
      )
      return
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-docx-'))
    try {
      // Both files first; the conversion runs asynchronously, so the test server keeps serving
      // (a blocking one starved it, and a kept-alive connection it dropped meanwhile failed the
      // next test's request).
      for (const name of ['text', 'compendium']) {
        fs.writeFileSync(
          path.join(dir, `${name}.docx`),
          (await get('chair', `/export/${name}.docx`)).bytes,
        )
      }
      for (const name of ['text', 'compendium']) {
        await promisify(execFile)(
          soffice,
          ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, `${name}.docx`)],
          {
            timeout: 120_000,
            env: { ...process.env, HOME: dir },
          },
        )
        expect(
          fs
            .readFileSync(path.join(dir, `${name}.pdf`))
            .subarray(0, 4)
            .toString(),
        ).toBe('%PDF')
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)

  it('prints the text and the compendium as HTML', async () => {
    const res = await get('ana', '/export/text.html')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = text(res.bytes)
    for (const a of await articles()) {
      expect(html).toContain(`<span class="num">Article ${a.number}</span>`)
    }
    const compendium = text((await get('germany', '/export/compendium.html')).bytes)
    for (const title of await tabledTitles()) {
      expect(compendium).toContain(
        title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
      )
    }
  })

  it('prints the "text with brackets" view: open tabled proposals with sponsor codes, as on screen', async () => {
    const { proposals } = JSON.parse(text((await get('observer', '/proposals')).bytes)) as {
      proposals: {
        id: string
        status: string
        sponsors: string[]
        coSponsors: string[]
        anchorState?: string
      }[]
    }
    const placed = proposals.filter(
      (p) =>
        ['tabled', 'bracketed', 'under-consultation'].includes(p.status) && p.anchorState === 'ok',
    )
    expect(placed.length).toBeGreaterThan(2)
    const res = await get('observer', '/export/text.html?view=proposals')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/ccm-text-with-proposals-[\d-]+\.html/)
    const html = text(res.bytes)
    for (const p of placed) {
      const codes = [...p.sponsors, ...p.coSponsors].join(', ')
      expect(html, p.id).toMatch(
        new RegExp(
          `data-proposal-id="${p.id}"[^>]*>\\{(<span class="p-alt">Alt \\d+</span> )?<b class="p-sponsors">${codes}</b>`,
        ),
      )
    }
    expect(html).toContain('with the tabled proposals in brackets')
    const docx = await docxParagraphs(
      (await get('observer', '/export/text.docx?view=proposals')).bytes,
    )
    const first = placed[0] as (typeof placed)[number]
    expect(docx.join('\n')).toContain(`${[...first.sponsors, ...first.coSponsors].join(', ')}`)
    expect(docx.join('\n')).toMatch(/\] \{(Alt \d+ )?[A-Z]{3}/)
    // Proposals stand in the current text only; an unknown view is refused.
    expect((await get('observer', '/export/text.html?view=proposals&round=oslo-2007')).status).toBe(
      409,
    )
    expect((await get('observer', '/export/text.pdf?view=everything')).status).toBe(400)
  })

  it('writes the text as Akoma Ntoso with 23 articles, as a draft bill (no round is adopted)', async () => {
    const res = await get('observer', '/export/text.akn.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="?ccm-text-[\d-]+\.akn\.xml"?$/,
    )
    const xml = text(res.bytes)
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'article',
    }).parse(xml)
    expect(parsed.akomaNtoso.act).toBeUndefined()
    expect(parsed.akomaNtoso.bill.body.article).toHaveLength(23)
    expect(xml).toContain('<FRBRuri value="/akn/un/bill/treaty/ccm"/>')
    expect(aknStructureProblems(xml)).toEqual([])
  })

  it('writes the compendium as Akoma Ntoso, sponsors as docProponent', async () => {
    const res = await get('observer', '/export/compendium.akn.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="?ccm-compendium-[\d-]+\.akn\.xml"?$/,
    )
    const xml = text(res.bytes)
    expect(aknStructureProblems(xml)).toEqual([])
    // An invented proposal's heading ends in its "Synthetic" mark.
    for (const title of await tabledTitles()) {
      expect(xml).toMatch(
        new RegExp(
          `<heading>${escapeRegExp(title.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;'))}( <span class="synthetic">Synthetic</span>)?</heading>`,
        ),
      )
    }
    expect(xml).toMatch(
      /<docProponent refersTo="#actor-[a-z]+" as="#sponsor">[^<]+<\/docProponent>/,
    )
  })

  it('prints the text as a PDF with Chromium, or says why not', async () => {
    const res = await get('observer', '/export/text.pdf')
    const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
    if (!fs.existsSync(chromium)) {
      expect(res.status).toBe(501)
      console.log('Chromium is not installed: the PDF export answered 501 as it should')
      return
    }
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(res.bytes.subarray(0, 5)).toString()).toBe('%PDF-')
  }, 60_000)

  it("exports a closed round's frozen text, named after it", async () => {
    const { negotiation } = JSON.parse(text((await get('observer', '')).bytes))
    const docx = await get('observer', '/export/text.docx?round=oslo-2007')
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-disposition')).toMatch(
      /filename="?ccm-oslo-discussion-text\.docx"?$/,
    )
    expect(await docxParagraphs(docx.bytes)).toContain(`${OSLO_TEXT}, closed 23 February 2007`)
    const xml = text((await get('observer', '/export/text.akn.xml?round=oslo-2007')).bytes)
    expect(xml).toContain('<FRBRdate date="2007-02-23" name="Oslo Discussion Text"/>')
    // Every closed round of the demo exports under its frozen text's name.
    for (const r of negotiation.rounds.filter((r: { status: string }) => r.status === 'closed')) {
      const res = await get('observer', `/export/text.docx?round=${r.id}`)
      expect(res.status).toBe(200)
      const slug = r.snapshotName.toLowerCase().replace(/[^a-z0-9]+/g, '-')
      expect(res.headers.get('content-disposition')).toContain(`ccm-${slug}.docx`)
    }
    // A round not closed yet has no frozen text.
    const open = negotiation.rounds.find((r: { status: string }) => r.status !== 'closed')
    expect((await get('observer', `/export/text.html?round=${open.id}`)).status).toBe(409)
  })

  it('lets members only export, refuses an unknown round, and keeps the JSON for admins', async () => {
    expect((await get(null, '/export/text.docx')).status).toBe(401)
    expect((await get('observer', '/export/text.docx?round=atlantis')).status).toBe(404)
    expect((await get('chair', '/export/negotiation.json')).status).toBe(403)
    expect((await get('admin', '/export/negotiation.json')).status).toBe(200)
  })
})
