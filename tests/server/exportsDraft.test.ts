import { describe, expect, it } from 'vitest'
import { compendium, treatyView } from '../../shared/domain/export'
import type { Proposal } from '../../shared/domain/proposals'
import { compendiumDocx } from '../../server/src/exports/compendiumDocx'
import { textDocx } from '../../server/src/exports/textDocx'
import { docxPart, docxParagraphs } from '../support/docx'
import { draftDoc, DRAFT_COUNTS } from '../shared/export/draftDoc'

// The Word runs of document.xml that hold exactly `text`, with their properties.
const runsWith = (xml: string, text: string): string[] =>
  [...xml.matchAll(/<w:r>(?:(?!<w:r>).)*?<\/w:r>/g)]
    .map((m) => m[0])
    .filter((r) => r.includes(`>${text}</w:t>`))

describe('the Word file of a draft', () => {
  const file = textDocx(treatyView(draftDoc()), 'Draft of 9 December')

  it('prints brackets where they stand, nested, alternatives and across paragraphs', async () => {
    const paragraphs = await docxParagraphs(await file)
    expect(paragraphs).toContain('Recalling [the Convention][its principles],')
    expect(paragraphs).toContain(
      '1.\tThis Agreement [shall [aim to]] hold the increase[ below 2 °C]:',
    )
    expect(paragraphs).toContain('(a)\tby [furtherance][pursuit] of efforts;')
    expect(paragraphs).toContain('2.\tThe [Parties shall')
    expect(paragraphs).toContain('2 bis.\tcooperate] fully.')
    const body = paragraphs.join('\n')
    // One "[" per bracketed span (alternatives once) and the bracketed article's.
    expect(body.replace(/\]\[/g, '').match(/\[/g)).toHaveLength(DRAFT_COUNTS.brackets)
  })

  it('sets brackets and option labels in bold, placeholders in italics', async () => {
    const xml = (await docxPart(await file, 'word/document.xml')) ?? ''
    for (const bracket of ['[', '][', ']']) {
      const runs = runsWith(xml, bracket)
      expect(runs.length, bracket).toBeGreaterThan(0)
      for (const r of runs) expect(r).toContain('<w:b/>')
    }
    // Two option blocks: one at paragraph level, one at article level.
    const options = runsWith(xml, 'Option 1:')
    expect(options).toHaveLength(2)
    for (const r of options) expect(r).toContain('<w:b/>')
    expect(runsWith(xml, 'Placeholder: outcome on loss and damage')[0]).toContain('<w:i/>')
  })

  it('prints options, "No text", fixed labels, headings and the bracketed article', async () => {
    const paragraphs = await docxParagraphs(await file)
    expect(paragraphs).toContain('Option 2: No text')
    expect(paragraphs).toContain('4.1 alt\tEach Party shall communicate.')
    expect(paragraphs).toContain('[Article 2bis]')
    expect(paragraphs).toContain('Article 4 bis')
    const decision = paragraphs.indexOf('Draft decision -/CP.21')
    expect(decision).toBeGreaterThan(paragraphs.indexOf('Article 4 bis'))
    expect(paragraphs[decision + 1]).toBe('Article 1')
  })

  it('makes footnotes real Word footnotes', async () => {
    const bytes = await file
    const xml = (await docxPart(bytes, 'word/document.xml')) ?? ''
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(1)
    const notes = (await docxPart(bytes, 'word/footnotes.xml')) ?? ''
    expect(notes).toContain('Temperature relative to 1850–1900 &lt;levels&gt;.')
  })
})

describe('the compendium Word file', () => {
  it("keeps the brackets of a tabled proposal's wording", async () => {
    const proposal: Proposal = {
      id: 'p1',
      negotiationId: 'paris',
      params: { kind: 'replacement' },
      title: 'Temperature goal',
      sponsors: ['AOSIS'],
      coSponsors: [],
      articleId: 'art-purpose',
      anchor: null,
      wording: {
        type: 'doc',
        content: [
          {
            type: 'numbered_paragraph',
            content: [
              { type: 'text', text: 'Hold the increase ' },
              {
                type: 'text',
                text: 'well below',
                marks: [{ type: 'bracket', attrs: { id: 'w1', alt: 0 } }],
              },
              {
                type: 'text',
                text: 'below',
                marks: [{ type: 'bracket', attrs: { id: 'w1', alt: 1 } }],
              },
              { type: 'text', text: ' 2 °C.' },
            ],
          },
        ],
      },
      wordingText: 'Hold the increase well below 2 °C.',
      rationale: '',
      status: 'tabled',
      tabledSeq: 1,
      createdAt: '2015-12-05T09:00:00Z',
      createdBy: 'a1',
      history: [],
    }
    const sections = compendium(
      [proposal],
      [],
      [{ id: 'art-purpose', number: 1, label: '2', title: 'Purpose' }],
      { actors: [{ id: 'AOSIS', name: 'Alliance of Small Island States' }] },
    )
    const paragraphs = await docxParagraphs(await compendiumDocx('Compendium', '', sections))
    expect(paragraphs).toContain('Article 2 — Purpose')
    expect(paragraphs).toContain('1.\tHold the increase [well below][below] 2 °C.')
  })
})
