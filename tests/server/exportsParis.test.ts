import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cleaningCounts } from '../../shared/domain/brackets'
import { toAkomaNtoso, toHtml, treatyView } from '../../shared/domain/export'
import { parseNegotiatingText } from '../../shared/domain/import'
import { textDocx } from '../../server/src/exports/textDocx'
import { aknStructureProblems, xsdProblems } from '../support/aknStructure'
import { docxPart } from '../support/docx'

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
