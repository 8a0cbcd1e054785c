import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleaningCounts } from '../../shared/domain/brackets'
import { toAkomaNtoso, toHtml, treatyView } from '../../shared/domain/export'
import { parseNegotiatingText } from '../../shared/domain/import'
import { textDocx } from '../../server/src/exports/textDocx'
import { call } from '../support/api'
import { aknStructureProblems, xsdProblems } from '../support/aknStructure'
import { docxPart } from '../support/docx'
import { useTestServer } from '../support/serverHarness'

// A Paris draft as circulated (fixtures/paris, copied from
// ../shared/negotiation-texts/cop21-paris-agreement/), imported unmodified.
function parisDraft(file: string) {
  const source = readFileSync(new URL(`../../fixtures/paris/${file}`, import.meta.url), 'utf8')
  const parsed = parseNegotiatingText(source, { file })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.doc
}

// 9 December: 176 brackets and 11 option blocks left; 4 December: hundreds, with footnotes.
describe.each(['9-dec-2015.md', '4-dec-2015.md'])(
  'exports of the imported Paris draft %s',
  (file) => {
    const doc = parisDraft(file)
    const counts = cleaningCounts(doc)
    const view = treatyView(doc)
    const bracketedArticles = view.articles.filter((a) => a.bracketed).length

    const footnotes =
      view.articles.flatMap((a) => a.footnotes).length + view.preambleFootnotes.length

    it('has brackets and options to show', () => {
      expect(counts.brackets).toBeGreaterThan(100)
      expect(counts.options).toBeGreaterThan(5)
      if (file.startsWith('4-dec')) expect(footnotes).toBeGreaterThan(10)
    })

    it('prints one bold "[" per bracketed span in HTML, and "[Article …]" per bracketed article', () => {
      const html = toHtml(doc, { title: 'Draft Paris Outcome' })
      expect(html.match(/<b class="br br-open">\[<\/b>/g)?.length ?? 0).toBe(
        counts.brackets - bracketedArticles,
      )
      expect(html.match(/<span class="num">\[Article [^\]]+\]<\/span>/g)?.length ?? 0).toBe(
        bracketedArticles,
      )
      expect(html.match(/<div class="options"/g)?.length ?? 0).toBe(counts.options)
      expect(html.match(/<sup class="fn-ref">/g)?.length ?? 0).toBe(footnotes)
      expect(html.match(/<p id="fn-\d+">/g)?.length ?? 0).toBe(footnotes)
    })

    it('writes the same brackets into the Word file, each in bold, and its footnotes', async () => {
      const bytes = await textDocx(view, 'Draft of 9 December 2015')
      const xml = (await docxPart(bytes, 'word/document.xml')) ?? ''
      const opens = [
        ...xml.matchAll(/<w:r><w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>\[<\/w:t><\/w:r>/g),
      ]
      expect(opens.length).toBe(counts.brackets - bracketedArticles)
      expect(xml.match(/<w:footnoteReference /g)?.length ?? 0).toBe(footnotes)
    })

    it('writes Akoma Ntoso as a draft bill within the content models', () => {
      const xml = toAkomaNtoso(doc, {
        negotiationId: 'paris',
        workDate: '2015-10-23',
        expressionDate: '2015-12-09',
        versionName: 'Draft Paris Outcome',
        generated: '2026-01-01',
      })
      expect(xml).toContain('<bill name="treaty"')
      expect(aknStructureProblems(xml)).toEqual([])
      expect(xml.match(/<span class="bracketed" eId=/g)?.length ?? 0).toBe(
        counts.brackets - bracketedArticles,
      )
      const xsd = xsdProblems(xml)
      if (xsd === undefined) console.log('No AKN 3.0 XSD here: content models checked only')
      else expect(xsd).toBeNull()
    })
  },
)

// Through the server: the draft imported by POST /api/negotiations/import, stored as a Yjs room,
// and exported from it: the brackets survive the room and reach every file.
describe('exports of the Paris draft of 9 December 2015 imported through the API', () => {
  const harness = useTestServer(['admin'])
  const download = async (path: string) => {
    const res = await fetch(`${harness.server.url}/api/negotiations/paris-9-dec${path}`, {
      headers: { ...harness.session('admin') },
    })
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  it('prints as many bracketed spans as the source has, in HTML, DOCX and Akoma Ntoso', async () => {
    const file = '9-dec-2015.md'
    const source = readFileSync(new URL(`../../fixtures/paris/${file}`, import.meta.url), 'utf8')
    const imported = await call(
      harness.server.url,
      harness.session('admin'),
      'POST',
      '/api/negotiations/import',
      {
        text: source,
        file,
        id: 'paris-9-dec',
      },
    )
    expect(imported.status).toBe(201)
    const doc = parisDraft(file)
    const bracketedArticles = treatyView(doc).articles.filter((a) => a.bracketed).length
    const spans = cleaningCounts(doc).brackets - bracketedArticles

    const html = Buffer.from((await download('/export/text.html')).bytes).toString('utf8')
    expect(html.match(/<b class="br br-open">\[<\/b>/g)?.length ?? 0).toBe(spans)
    expect(html).toContain('<span class="num">[Article 3bis]</span>')

    const docx = await download('/export/text.docx')
    expect(docx.status).toBe(200)
    const xml = (await docxPart(docx.bytes, 'word/document.xml')) ?? ''
    expect(xml.match(/<w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>\[<\/w:t>/g)?.length ?? 0).toBe(spans)

    const akn = Buffer.from((await download('/export/text.akn.xml')).bytes).toString('utf8')
    expect(akn).toContain('<bill name="treaty"')
    expect(akn.match(/<span class="bracketed" eId=/g)?.length ?? 0).toBe(spans)
    expect(aknStructureProblems(akn)).toEqual([])
  })
})
