import { readFileSync } from 'node:fs'
import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { cleaningCounts, type CleaningCounts } from '../../shared/domain/brackets'
import { parseNegotiatingText } from '../../shared/domain/import'
import { outlineOf } from '../../shared/domain/numbering'

// The four Paris drafts of 2015 as published (fixtures/paris/README.md), read unmodified.
const DRAFTS = ['23-oct-2015', '4-dec-2015', '9-dec-2015', '12-dec-2015'] as const
const draft = (name: string) =>
  readFileSync(new URL(`../../fixtures/paris/${name}.md`, import.meta.url), 'utf8')

// An option marker line as the drafts print it: "**Option 1:**", "2. **Option 1:**",
// "Option (a):", "**Option I:**", "**Option1**:".
const OPTION_LINE = /^\s*(\d+\.\s+)?(\*\*)?Option\s*(\d+|[IVX]+|\([a-z]\))/
// The first option of a block: "Option 1", "Option I", "Option (a)".
const FIRST_OPTION_LINE = /^\s*(\d+\.\s+)?(\*\*)?Option\s*(1(?!\d)|I(?![IVXa-z])|\(a\))/

/**
 * Counts, from the Markdown alone and without the importer, each article's bracketed spans and
 * option blocks. Brackets: the text under the article's heading up to the next heading (the
 * footnote and link definitions at the end of the file cut off), Kramdown lines dropped,
 * footnote references `[^5]`, alone or in brackets (`[[^9]]`, which the shared document cannot
 * hold as a span), replaced by a mark that is no bracket, escaped brackets dropped;
 * a "]" closes the latest "[" not closed; a bracket never reaches past an option marker line;
 * "][" with both matched joins two pairs into one span (alternatives counted once); what stays
 * unmatched is not counted; "## [Article 3bis]" counts one. Option blocks: lines whose marker is
 * the first of a series.
 */
function independentCounts(markdown: string): Map<string, CleaningCounts> {
  const out = new Map<string, CleaningCounts>()
  let label: string | undefined
  let bracketed = false
  let body: string[] = []
  const finish = () => {
    if (label === undefined) return
    const text = body
      .filter((l) => !/^\s*(\{:.*\}|\* TOC)\s*$/.test(l))
      .map((l) => (OPTION_LINE.test(l) ? `\u0000${l}` : l))
      .join('\n')
      .replace(/\\[[\]]/g, '')
      .replace(/\[(\[\^[^\]\s]+\])+\]/g, '\u2020')
      .replace(/\[\^[^\]\s]+\]/g, '\u2020')
    const open: number[] = []
    const matchedOpen = new Set<number>()
    const closes: number[] = []
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\u0000') open.length = 0
      else if (text[i] === '[') open.push(i)
      else if (text[i] === ']') {
        const o = open.pop()
        if (o === undefined) continue
        matchedOpen.add(o)
        closes.push(i)
      }
    }
    const alternatives = closes.filter((c) => text[c + 1] === '[' && matchedOpen.has(c + 1))
    out.set(label, {
      brackets: closes.length - alternatives.length + (bracketed ? 1 : 0),
      options: body.filter((l) => FIRST_OPTION_LINE.test(l)).length,
    })
  }
  for (const line of markdown.split(/\r?\n/)) {
    if (label !== undefined && /^\[\^?[^\]]+\]:\s/.test(line)) {
      finish()
      label = undefined
      break
    }
    const heading = /^##\s+(\[)?Article\s+(\d+[a-z]*(?:\s+bis)?)/.exec(line)
    if (heading || /^##\s/.test(line)) {
      finish()
      label = heading?.[2]
      bracketed = heading?.[1] === '['
      body = []
      continue
    }
    if (label !== undefined) body.push(line)
  }
  finish()
  return out
}

describe('the Paris drafts against an independent count of their Markdown', () => {
  for (const name of DRAFTS) {
    it(`${name}: every article's brackets and option blocks match the source`, () => {
      const text = draft(name)
      const started = performance.now()
      const result = parseNegotiatingText(text, { file: `${name}.md` })
      const ms = performance.now() - started
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const expected = independentCounts(text)
      const outline = outlineOf(result.doc)
      expect(outline.map((a) => a.label)).toEqual([...expected.keys()])
      const got = new Map(
        outline.map((a) => [a.label, cleaningCounts(result.doc.nodeAt(a.pos) as Node)]),
      )
      expect(got).toEqual(expected)
      const total = cleaningCounts(result.doc)
      // A figure for the report, not an assertion: tests never assert a wall-clock time.
      console.log(
        `${name}: ${outline.length} articles, ${total.brackets} brackets, ${total.options} option blocks, ${result.warnings.length} warnings, imported in ${ms.toFixed(0)} ms`,
      )
    })
  }

  it('counts what it should on a small text: alternatives once, nested, unmatched not', () => {
    const counts = independentCounts(
      '## [Article 1]\n\n1. [shall][should] [a [b] c] d] [e\n\n**Option 1:** x]\n\n**Option 2:** y',
    )
    expect(counts.get('1')).toEqual({ brackets: 4, options: 1 })
  })
})
