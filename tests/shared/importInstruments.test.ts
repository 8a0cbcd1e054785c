import { describe, expect, it } from 'vitest'
import { parseNegotiatingText } from '../../shared/domain/import'
import { headingsOf, outlineOf } from '../../shared/domain/numbering'

// An agreement and its draft decision in one document, as COP texts circulate: the decision's
// articles are numbered afresh, and a Part heading stays a heading within its instrument.
const TWO_INSTRUMENTS = [
  '## Draft agreement',
  '',
  '## Preamble',
  '',
  'The Parties to this Agreement,',
  '',
  '## Article 1 *(definitions)*',
  '',
  '1. "Party" means a Party to this Agreement;',
  '',
  '## Article 2 *(purpose)*',
  '',
  '1. The purpose of this Agreement is [to enhance][to strengthen] the response.',
  '',
  '## Draft decision -/CP.21',
  '',
  '## Part I *(adoption)*',
  '',
  '## Article 1 *(adoption)*',
  '',
  '1. Decides to adopt the Paris Agreement;',
].join('\n')

describe('a text with an agreement and its draft decision', () => {
  it('numbers each instrument’s articles from 1 and keeps its headings', () => {
    const parsed = parseNegotiatingText(TWO_INSTRUMENTS, { format: 'markdown', file: 'two.md' })
    if (!parsed.ok) throw new Error(parsed.error.message)
    const outline = outlineOf(parsed.doc)
    expect(outline.map((a) => [a.instrument, a.label, a.title])).toEqual([
      ['', '1', 'definitions'],
      ['', '2', 'purpose'],
      ['Draft decision -/CP.21', '1', 'adoption'],
    ])
    expect(headingsOf(parsed.doc).map((h) => [h.kind, h.text])).toEqual([
      ['instrument', 'Draft decision -/CP.21'],
      ['part', 'Part I (adoption)'],
    ])
    expect(new Set(outline.map((a) => a.id)).size).toBe(3)
    expect(parsed.warnings.filter((w) => w.kind === 'numbering')).toEqual([])
  })
})
