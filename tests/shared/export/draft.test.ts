import { describe, expect, it } from 'vitest'
import { articleText } from '../../../shared/domain/articleText'
import { cleaningCounts } from '../../../shared/domain/brackets'
import { clausesOf, isOptions, toHtml, treatyView } from '../../../shared/domain/export'
import { draftDoc, DRAFT_COUNTS } from './draftDoc'

// The words a reader sees in a piece of HTML: tags dropped, entities read.
const words = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

describe('treatyView of a draft', () => {
  const view = treatyView(draftDoc())

  it('counts what the test says it holds', () => {
    expect(cleaningCounts(draftDoc())).toEqual(DRAFT_COUNTS)
    expect(view.hasBrackets).toBe(true)
  })

  it('reads headings, labels as negotiators use them and the bracketed article', () => {
    expect(view.body.map((b) => (b.kind === 'heading' ? b.heading.kind : b.article.label))).toEqual(
      ['instrument', 'chapter', '2', '2bis', '4', '4 bis', 'instrument', '1'],
    )
    expect(view.articles.map((a) => a.eId)).toEqual([
      'hcontainer_1__art_2',
      'hcontainer_1__art_2bis',
      'hcontainer_1__art_4',
      'hcontainer_1__art_4bis',
      'hcontainer_2__art_1',
    ])
    expect(view.articles[1]).toMatchObject({ bracketed: true, fixed: true })
  })

  it('nests a paragraph-level option block under its paragraph, an article-level one at the top', () => {
    const [art2, , art4] = view.articles
    const para1 = clausesOf(art2?.clauses ?? [])[0]
    const block = para1?.children[0]
    expect(block && isOptions(block) ? block.options.map((o) => o.label) : null).toEqual([
      'Option 1',
      'Option 2',
    ])
    expect(block && isOptions(block) ? block.options[1]?.blocks : null).toEqual([])
    expect(clausesOf(art2?.clauses ?? []).map((c) => c.label)).toEqual(['1.', '2.', '2 bis.'])
    expect(art4?.clauses.map((b) => (isOptions(b) ? 'options' : b.label))).toEqual([
      '4.1 alt',
      'options',
    ])
  })

  it('numbers footnotes over the document and keeps them with their article', () => {
    expect(view.articles[0]?.footnotes).toEqual([
      { id: 'fn-a', number: 1, text: 'Temperature relative to 1850–1900 <levels>.' },
    ])
  })
})

describe('print HTML of a draft', () => {
  const html = toHtml(draftDoc(), { title: 'Draft <1>', subtitle: 'Draft of 9 December' })

  it('prints brackets in bold where they stand, nested, alternatives and across paragraphs', () => {
    const text = words(html)
    expect(text).toContain('Recalling [the Convention][its principles],')
    expect(text).toContain('1.This Agreement [shall [aim to]] hold the increase1[ below 2 °C]:')
    expect(text).toContain('(a)by [furtherance][pursuit] of efforts;')
    expect(text).toContain('2.The [Parties shall')
    expect(text).toContain('2 bis.cooperate] fully.')
    // One bold "[" per bracketed span (alternatives once), plus the bracketed article's.
    expect(html.match(/<b class="br br-open">\[<\/b>/g)).toHaveLength(DRAFT_COUNTS.brackets - 1)
    expect(html.match(/<b class="br br-alt">\]\[<\/b>/g)).toHaveLength(2)
    expect(html).toContain('<span class="num">[Article 2bis]</span>')
  })

  it('prints options with their labels in bold, and "No text" for an empty one', () => {
    expect(html).toContain('<p class="option-label depth-1">Option 1:</p>')
    expect(html).toContain(
      '<p class="option-label depth-1">Option 2: <span class="no-text">No text</span></p>',
    )
    expect(html).toMatch(/\.option-label \{ font-weight: bold;/)
  })

  it('keeps fixed labels and gives bis after them, headings above articles', () => {
    expect(html).toContain('<span class="label">4.1 alt</span>Each Party shall communicate.')
    expect(html).toContain('<span class="num">Article 4 bis</span>')
    expect(html).toContain(
      '<h2 class="text-heading heading-instrument" data-heading-id="h-decision">Draft decision -/CP.21</h2>',
    )
    expect(html).toContain('<h2 class="text-heading heading-chapter"')
    expect(html).toContain('id="hcontainer_2__art_1"')
  })

  it('prints footnotes in superscript with the note at the foot of the article, placeholders in italics', () => {
    expect(html).toContain('<sup class="fn-ref"><a href="#fn-1" id="fnref-1">1</a></sup>')
    const article = html.slice(html.indexOf('data-article-id="art-purpose"'))
    const foot = article.slice(0, article.indexOf('</section>'))
    expect(foot).toContain(
      '<p id="fn-1"><sup><a href="#fnref-1">1</a></sup> Temperature relative to 1850–1900 &lt;levels&gt;.</p>',
    )
    expect(html).toContain('<em class="placeholder">Placeholder: outcome on loss and damage</em>')
  })

  it('stays free of script and escapes what it prints', () => {
    expect(html).not.toMatch(/<script|on\w+=/i)
    expect(html).toContain('<title>Draft &lt;1&gt;</title>')
    expect(html).toContain('<h1>Draft agreement &amp; decision</h1>')
  })
})

describe('articleText of a draft', () => {
  it('prints brackets, option labels on their own lines, "No text" and footnote numbers', () => {
    expect(articleText(draftDoc(), 'art-purpose')).toBe(
      [
        '1. This Agreement [shall [aim to]] hold the increase¹[ below 2 °C]:',
        'Option 1:',
        '(a) by [furtherance][pursuit] of efforts;',
        'Option 2:',
        'No text',
        '2. The [Parties shall',
        '2 bis. cooperate] fully.',
      ].join('\n'),
    )
    expect(articleText(draftDoc(), 'art-mitigation')).toBe(
      [
        '4.1 alt Each Party shall communicate.',
        'Option 1:',
        '2. Text A.',
        'Option 2:',
        '3. Text B.',
      ].join('\n'),
    )
    expect(articleText(draftDoc(), 'art-loss')).toBe(
      'Parties recognize Placeholder: outcome on loss and damage.',
    )
  })
})
