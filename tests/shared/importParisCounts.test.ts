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
function independentCounts(markdown: string): {
  counts: Map<string, CleaningCounts>
  /** The lines of the brackets left unmatched, in the preamble and the articles. */
  unmatched: number[]
} {
  const counts = new Map<string, CleaningCounts>()
  const unmatched: number[] = []
  let label: string | undefined
  let bracketed = false
  let body: { text: string; line: number }[] = []
  const finish = () => {
    if (label === undefined) return
    // One string for the section, and the source line of each character.
    let text = ''
    const lineOf: number[] = []
    for (const { text: raw, line } of body) {
      if (/^\s*(\{:.*\}|\* TOC)\s*$/.test(raw)) continue
      const l = `${OPTION_LINE.test(raw) ? '\u0000' : ''}${raw}\n`
        .replace(/\\[[\]]/g, '')
        .replace(/\[(\[\^[^\]\s]+\])+\]/g, '\u2020')
        .replace(/\[\^[^\]\s]+\]/g, '\u2020')
      text += l
      for (let k = 0; k < l.length; k++) lineOf.push(line)
    }
    const open: number[] = []
    const matchedOpen = new Set<number>()
    const closes: number[] = []
    const drop = () => {
      for (const o of open) unmatched.push(lineOf[o] as number)
      open.length = 0
    }
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\u0000') drop()
      else if (text[i] === '[') open.push(i)
      else if (text[i] === ']') {
        const o = open.pop()
        if (o === undefined) {
          unmatched.push(lineOf[i] as number)
          continue
        }
        matchedOpen.add(o)
        closes.push(i)
      }
    }
    drop()
    const alternatives = closes.filter((c) => text[c + 1] === '[' && matchedOpen.has(c + 1))
    counts.set(label, {
      brackets: closes.length - alternatives.length + (bracketed ? 1 : 0),
      options: body.filter((l) => FIRST_OPTION_LINE.test(l.text)).length,
    })
  }
  const lines = markdown.split(/\r?\n/)
  for (const [index, line] of lines.entries()) {
    if (label !== undefined && /^\[\^?[^\]]+\]:\s/.test(line)) break
    const heading = /^##\s+(\[)?Article\s+(\d+[a-z]*(?:\s+bis)?)/.exec(line)
    if (/^##\s/.test(line)) {
      finish()
      label = heading?.[2] ?? (/^##\s+Preamble/.test(line) ? 'preamble' : undefined)
      bracketed = heading?.[1] === '['
      body = []
      continue
    }
    if (label !== undefined) body.push({ text: line, line: index + 1 })
  }
  finish()
  counts.delete('preamble')
  return { counts, unmatched: unmatched.sort((a, b) => a - b) }
}

describe('the Paris drafts against an independent count of their Markdown', () => {
  for (const name of DRAFTS) {
    it(`${name}: every article's brackets and option blocks match the source, each unmatched bracket is reported on its line`, () => {
      const text = draft(name)
      const started = performance.now()
      const result = parseNegotiatingText(text, { file: `${name}.md` })
      const ms = performance.now() - started
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const { counts: expected, unmatched } = independentCounts(text)
      const outline = outlineOf(result.doc)
      expect(outline.map((a) => a.label)).toEqual([...expected.keys()])
      const got = new Map(
        outline.map((a) => [a.label, cleaningCounts(result.doc.nodeAt(a.pos) as Node)]),
      )
      expect(got).toEqual(expected)
      // Each bracket left unmatched is reported on its line, and nothing else is.
      const reported = result.warnings
        .filter((w) => w.kind === 'unbalanced-bracket')
        .map((w) => w.line)
        .sort((a, b) => a - b)
      expect(reported).toEqual(unmatched)
      const total = cleaningCounts(result.doc)
      // A figure for the report, not an assertion: tests never assert a wall-clock time.
      console.log(
        `${name}: ${outline.length} articles, ${total.brackets} brackets, ${total.options} option blocks, ${result.warnings.length} warnings, imported in ${ms.toFixed(0)} ms`,
      )
    })
  }

  it('counts what it should on a small text: alternatives once, nested, unmatched not', () => {
    const { counts, unmatched } = independentCounts(
      '## [Article 1]\n\n1. [shall][should] [a [b] c] d] [e\n\n**Option 1:** x]\n\n**Option 2:** y',
    )
    expect(counts.get('1')).toEqual({ brackets: 4, options: 1 })
    expect(unmatched).toEqual([3, 3, 5])
  })
})
