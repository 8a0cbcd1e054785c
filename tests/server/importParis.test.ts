import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { cleaningCounts } from '../../shared/domain/brackets'
import { parseNegotiatingText } from '../../shared/domain/import'
import { outlineOf } from '../../shared/domain/numbering'
import { call } from '../support/api'
import { useTestServer } from '../support/serverHarness'

const DRAFTS = ['23-oct-2015', '4-dec-2015', '9-dec-2015', '12-dec-2015'] as const
const draft = (name: string) =>
  fs.readFileSync(new URL(`../../fixtures/paris/${name}.md`, import.meta.url), 'utf8')

describe('POST /api/negotiations/import with the Paris drafts', () => {
  const harness = useTestServer(['admin', 'france'])
  const post = (who: string, body: unknown) =>
    call(harness.server.url, harness.session(who), 'POST', '/api/negotiations/import', body)
  const get = (who: string, path: string) =>
    call(harness.server.url, harness.session(who), 'GET', path)

  for (const name of DRAFTS) {
    it(`imports ${name} unmodified, with its warnings and its brackets kept in the text room`, async () => {
      const text = draft(name)
      const parsed = parseNegotiatingText(text, { file: `${name}.md` })
      if (!parsed.ok) throw new Error(parsed.error.message)
      const started = performance.now()
      const res = await post('admin', { text, file: `${name}.md`, id: `paris-${name}` })
      // A figure for the report, not an assertion.
      console.log(`POST ${name}.md: ${(performance.now() - started).toFixed(0)} ms`)
      expect(res.status).toBe(201)
      expect(res.body.negotiation).toMatchObject({ id: `paris-${name}` })
      expect(res.body.warningCount).toBe(parsed.warnings.length)
      expect(res.body.warnings).toEqual(parsed.warnings)
      // What the articles API reads back from the stored Yjs room is what the importer built.
      const articles = await get('admin', `/api/negotiations/paris-${name}/articles`)
      expect(articles.status).toBe(200)
      const outline = articles.body.articles.map(
        (a: { label: string; brackets: number; options: number }) =>
          `${a.label}:${a.brackets}:${a.options}`,
      )
      expect(outline).toEqual(
        outlineOf(parsed.doc).map((a) => {
          const counts = cleaningCounts(parsed.doc.nodeAt(a.pos) as Node)
          return `${a.label}:${counts.brackets}:${counts.options}`
        }),
      )
      expect(outline).toHaveLength(name === '9-dec-2015' || name === '12-dec-2015' ? 29 : 30)
      expect(articles.body.articles[0]).toMatchObject({ label: '1', id: 'art-1' })
      if (name === '23-oct-2015') {
        expect(articles.body.articles).toContainEqual(
          expect.objectContaining({ label: '3bis', id: 'art-3bis', bracketed: true, brackets: 4 }),
        )
        expect(articles.body.totals).toEqual({ brackets: 797, options: 61 })
        expect(res.body.warnings).toContainEqual(
          expect.objectContaining({ line: 24, kind: 'unbalanced-bracket' }),
        )
      }
    })
  }

  it('reads a Markdown text without a file name by its headings, and a name from its title', async () => {
    const res = await post('admin', { text: draft('12-dec-2015') })
    expect(res.status).toBe(201)
    expect(res.body.negotiation).toMatchObject({ id: 'paris-agreement', name: 'Paris Agreement' })
    expect(res.body).toMatchObject({ warnings: [], warningCount: 0 })
  })

  it('lists at most 200 warnings, and says how many there were', async () => {
    const clauses = Array.from({ length: 250 }, (_, i) => `${i + 1}. [unclosed ${i}`)
    const text = ['## Article 1', '', ...clauses.flatMap((c) => [c, ''])].join('\n')
    const res = await post('admin', { text, format: 'markdown', name: 'Many brackets' })
    expect(res.status).toBe(201)
    expect(res.body.warningCount).toBe(250)
    expect(res.body.warnings).toHaveLength(200)
    expect(res.body.warnings[0]).toMatchObject({ line: 3, kind: 'unbalanced-bracket' })
  })

  it('refuses an unreadable Markdown text with the line where reading stopped', async () => {
    const before = (await get('admin', '/api/negotiations')).body.negotiations
    const res = await post('admin', {
      text: '---\ntitle: Draft\n---\n\n## Preamble\n\nThe Parties,\n',
      format: 'markdown',
    })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'malformed_treaty', line: 7 })
    expect(res.body.error.message).toMatch(/^Line 7: expected an "## Article 1" heading/)
    expect((await get('admin', '/api/negotiations')).body.negotiations).toEqual(before)
    const badFormat = await post('admin', { text: 'x', format: 'docx' })
    expect(badFormat).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } })
  })

  it('refuses a delegate: only an administrator imports', async () => {
    const res = await post('france', { text: draft('12-dec-2015'), id: 'not-mine' })
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    expect((await get('admin', '/api/negotiations/not-mine')).status).toBe(404)
  })
})
