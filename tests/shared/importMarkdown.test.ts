import { readFileSync } from 'node:fs'
import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { bracketedTexts, cleaningCounts, tokensOf } from '../../shared/domain/brackets'
import {
  formatOf,
  formatWarning,
  parseNegotiatingText,
  type ImportWarning,
} from '../../shared/domain/import'
import { flatClauses, outlineOf } from '../../shared/domain/numbering'
import { treatySchema } from '../../shared/schema'

const draft = (name: string) =>
  readFileSync(new URL(`../../fixtures/paris/${name}.md`, import.meta.url), 'utf8')

function imported(text: string, file = 'test.md'): { doc: Node; warnings: ImportWarning[] } {
  const result = parseNegotiatingText(text, { file })
  if (!result.ok) throw new Error(result.error.message)
  return result
}

const article = (doc: Node, label: string): Node => {
  const found = outlineOf(doc).find((a) => a.label === label)
  if (!found) throw new Error(`no Article ${label}`)
  return doc.nodeAt(found.pos) as Node
}

const find = (node: Node, type: string): Node[] => {
  const out: Node[] = []
  node.descendants((n) => void (n.type.name === type && out.push(n)))
  return out
}

describe('the draft of 23 October 2015', () => {
  const { doc, warnings } = imported(draft('23-oct-2015'), '23-oct-2015.md')
  const outline = outlineOf(doc)

  it('takes the title from the heading before the preamble and skips the website introduction', () => {
    expect(doc.firstChild?.textContent).toMatch(
      /^Draft agreement and draft decision on workstreams/,
    )
    const preamble = doc.child(1)
    expect(preamble.firstChild?.textContent).toBe('The Parties to this Agreement,')
    expect(preamble.lastChild?.textContent).toBe('Have agreed as follows:')
    expect(doc.textContent).not.toMatch(/final draft negotiating text|TOC|\{:/)
  })

  it('keeps the articles as printed: labels, "bis" articles, a bracketed article, titles', () => {
    expect(outline.map((a) => a.label).slice(0, 7)).toEqual([
      '1',
      '2',
      '2bis',
      '3',
      '3bis',
      '3ter',
      '4',
    ])
    expect(outline.find((a) => a.label === '8 bis')?.id).toBe('art-8-bis')
    const redd = outline.find((a) => a.label === '3bis')
    expect(redd).toMatchObject({ id: 'art-3bis', bracketed: true, title: 'REDD-plus', fixed: true })
    expect(outline.find((a) => a.label === '2bis')?.title).toBe('general')
    expect(new Set(outline.map((a) => a.id)).size).toBe(outline.length)
  })

  it('reads Article 2 as two options, the second "No text"', () => {
    const art2 = article(doc, '2')
    const [options] = find(art2, 'options')
    expect(options?.childCount).toBe(2)
    expect(options?.child(0).attrs.label).toBe('Option 1')
    expect(options?.child(1).attrs.label).toBe('Option 2')
    expect(options?.child(1).childCount).toBe(0)
    const clauses = flatClauses(art2)
    expect(clauses.map((c) => `${c.type}:${c.label}`)).toEqual([
      'numbered_paragraph:1.',
      'subparagraph:1.',
      'subparagraph:2.',
      'subparagraph:3.',
      'numbered_paragraph:2.',
    ])
    expect(clauses[0]?.path).toEqual([{ options: options?.attrs.id, label: 'Option 1', index: 0 }])
  })

  it('nests option blocks at paragraph and subparagraph level', () => {
    const art4 = article(doc, '4')
    // "1. **Option 1:** ..." — the numbered paragraph, then its options.
    const first = art4.child(1)
    expect(first.type.name).toBe('numbered_paragraph')
    expect(first.attrs.label).toBe('1.')
    expect(art4.child(2).type.name).toBe('options')
    const art3 = article(doc, '3')
    const goal = flatClauses(art3).find((c) => c.node.textContent === 'Collective long-term goal')
    expect(goal?.type).toBe('numbered_paragraph')
    // "8. Timing" holds "1. First communication" with three options inside.
    const timing = flatClauses(art3).filter((c) => c.path.length > 0 && c.label === '')
    expect(timing.length).toBeGreaterThan(20)
  })

  it('ends the preamble options at the next paragraph that is not an option', () => {
    const preamble = doc.child(1)
    const blocks: string[] = []
    preamble.forEach((n) => void blocks.push(n.type.name))
    const at = blocks.indexOf('options')
    expect(at).toBeGreaterThan(0)
    expect(preamble.child(at).childCount).toBe(2)
    expect(preamble.child(at + 1).textContent).toMatch(
      /^Recognizing the critical role played by sinks/,
    )
  })

  it('turns square brackets into spans: alternatives share an id, nesting kept', () => {
    const preamble = doc.child(1)
    const texts = bracketedTexts(preamble)
    expect(texts).toContain('Recalling decisions 1/CP.17, 2/CP.18, 1/CP.19, and 1/CP 20,')
    const pursuit = preamble.child(2)
    expect(bracketedTexts(pursuit)[0]).toMatch(/^In \[furtherance\]\[pursuit\] of the objective/)
    const tokens = tokensOf(pursuit)[0] ?? []
    const alt = tokens.find((t) => t.kind === 'alt')
    expect(alt).toMatchObject({ kind: 'alt', alt: 1 })
    // The text itself has no bracket characters left, except the unmatched "]" at the end.
    expect(pursuit.textContent).toMatch(/circumstances,\]$/)
    expect(pursuit.textContent.slice(0, 60)).not.toContain('[')
  })

  it('reports each unbalanced bracket with its line and the words around it', () => {
    const unbalanced = warnings.filter((w) => w.kind === 'unbalanced-bracket')
    expect(unbalanced.length).toBeGreaterThan(10)
    const line24 = unbalanced.filter((w) => w.line === 24)
    expect(line24).toHaveLength(1)
    expect(line24[0]?.context).toMatch(/national circumstances,\]\]$/)
    expect(line24[0]).toMatchObject({
      file: '23-oct-2015.md',
      message: expect.stringMatching(/"\]"/),
    })
    expect(formatWarning(line24[0] as ImportWarning)).toMatch(/^23-oct-2015\.md:24: warning: /)
    // Sorted by line.
    const lines = warnings.map((w) => w.line)
    expect([...lines].sort((a, b) => a - b)).toEqual(lines)
  })

  it('keeps numbers out of sequence as printed, with a warning', () => {
    const art7 = article(doc, '7')
    const labels = flatClauses(art7)
      .filter((c) => c.type === 'numbered_paragraph')
      .map((c) => c.label)
    expect(labels.slice(0, 2)).toEqual(['1.', '3.'])
    expect(warnings).toContainEqual(expect.objectContaining({ line: 632, kind: 'numbering' }))
  })

  it('makes footnotes and placeholders of references and italic placeholders', () => {
    const art3 = article(doc, '3')
    const notes = find(art3, 'footnote')
    expect(notes[0]?.attrs).toMatchObject({
      id: 'fn-2',
      text: 'There is a need to specify the context, which placement is yet to be decided.',
    })
    const art1 = article(doc, '1')
    const placeholders: Node[] = []
    art1.descendants(
      (n) => void (n.marks.some((m) => m.type.name === 'placeholder') && placeholders.push(n)),
    )
    expect(placeholders.map((p) => p.text)).toEqual(['Placeholder', 'Placeholder'])
    const art6 = article(doc, '6')
    // "*[Placeholder: outcome on discussion on MRV ...]*": the placeholder's word, then its words,
    // all in the brackets (a placeholder is a mark on words, so the shared document keeps them).
    const mrv = bracketedTexts(art6).find((t) => t.includes('outcome on discussion on MRV'))
    expect(mrv).toBe('[Placeholder: outcome on discussion on MRV and Article 9 on transparency]')
    const clause = flatClauses(art6).find((c) => /MRV/.test(c.node.textContent))?.node
    expect(
      clause
        ?.child(0)
        .marks.map((m) => m.type.name)
        .sort(),
    ).toEqual(['bracket', 'em', 'placeholder'])
    expect(
      clause
        ?.child(1)
        .marks.map((m) => m.type.name)
        .sort(),
    ).toEqual(['bracket', 'em'])
    // "[[^9]]": a bracket around a footnote alone stays characters, reported.
    const art4 = article(doc, '4')
    const alone = find(art4, 'footnote').find((n) => n.attrs.id === 'fn-9')
    expect(alone?.attrs.text).toMatch(/^In all cases in the context of support/)
    expect(warnings).toContainEqual(expect.objectContaining({ line: 458, kind: 'bracket-as-text' }))
  })

  it('reads emphasis tolerantly and makes em and strong marks', () => {
    const preamble = doc.child(1)
    const being = preamble.child(1)
    expect(being.firstChild?.text).toBe('Being')
    expect(being.firstChild?.marks.map((m) => m.type.name)).toEqual(['em'])
    const art3 = article(doc, '3')
    const goal = flatClauses(art3)[0]?.node
    expect(goal?.firstChild?.marks.map((m) => m.type.name)).toEqual(['strong'])
    // "r*eaffirming*" and "*NDMC/NDMCC[*": imported, nothing lost.
    expect(preamble.textContent).toContain('reaffirming that the response to climate change')
  })

  it('round-trips through the schema and JSON', () => {
    expect(treatySchema.nodeFromJSON(doc.toJSON()).eq(doc)).toBe(true)
  })
})

describe('the drafts of 4, 9 and 12 December 2015', () => {
  it('4 December: a duplicate footnote label is reported and each reference resolved', () => {
    const { doc, warnings } = imported(draft('4-dec-2015'))
    expect(warnings).toContainEqual(
      expect.objectContaining({ kind: 'footnote-duplicate', line: 816 }),
    )
    expect(warnings.filter((w) => w.kind === 'footnote-missing')).toEqual([])
    const notes = find(article(doc, '3'), 'footnote')
    expect(notes[0]?.attrs.text).toMatch(/^Without prejudice to how the final agreement/)
    expect(notes[0]?.attrs.text).toMatch(
      /Option 4: INDC which can be in the form of co-benefits .* economic diversification plans$/,
    )
    expect(notes[1]?.attrs.text).toBe('Overlaps with option b')
    // "Option (a)" and "Option (b)" are an option block inside Option 2.
    const outer = find(article(doc, '3'), 'options').find((o) =>
      find(o, 'option').some((x) => x.attrs.label === 'Option (a)'),
    )
    const inner = outer && find(outer, 'options')[0]
    expect(inner?.childCount).toBe(2)
    expect(warnings.filter((w) => w.kind === 'option-sequence')).toEqual([])
  })

  it('9 December: "Article 18" after 16 and "21." after 19 are kept and reported', () => {
    const { doc, warnings } = imported(draft('9-dec-2015'))
    expect(outlineOf(doc).map((a) => a.label)).toContain('18')
    expect(outlineOf(doc).map((a) => a.label)).not.toContain('17')
    expect(warnings).toContainEqual(expect.objectContaining({ line: 497, kind: 'numbering' }))
    expect(warnings).toContainEqual(expect.objectContaining({ line: 187, kind: 'numbering' }))
  })

  it('12 December: the adopted text, titled from its front matter, clean', () => {
    const { doc, warnings } = imported(draft('12-dec-2015'))
    expect(doc.firstChild?.textContent).toBe('Paris Agreement')
    expect(outlineOf(doc)).toHaveLength(29)
    expect(cleaningCounts(doc)).toEqual({ brackets: 0, options: 0 })
    expect(warnings).toEqual([])
    const art13 = flatClauses(article(doc, '13'))
    // " 1." indented by one space under "7." is a subparagraph.
    expect(art13.filter((c) => c.type === 'subparagraph').map((c) => c.label)).toEqual(['1.', '2.'])
  })
})

describe('Markdown details', () => {
  const md = (body: string) => `## Preamble\n\nThe Parties,\n\n${body}`

  it('spans brackets over clauses of one article and reports what never closes', () => {
    const { doc, warnings } = imported(
      md(
        '## Article 1\n\n1. [Each Party shall:\n\n    1. act;\n    2. report.]\n\n2. [never closed',
      ),
    )
    const art = article(doc, '1')
    const ids = new Set<string>()
    art.descendants((n) => {
      for (const m of n.marks) if (m.type.name === 'bracket') ids.add(String(m.attrs.id))
    })
    expect(ids.size).toBe(1)
    expect(bracketedTexts(art)).toEqual([
      '',
      '[Each Party shall:',
      'act;',
      'report.]',
      '[never closed',
    ])
    expect(warnings).toEqual([
      expect.objectContaining({
        line: 12,
        kind: 'unbalanced-bracket',
        context: '2. [never closed',
      }),
    ])
  })

  it('keeps link text, not brackets, and never takes "[x](a)" for a link', () => {
    const { doc } = imported(
      md(
        '[ref]: http://example.org\n\n## Article 1\n\nSee [the text][ref] and [here](http://a.b), under paragraph [x](a).',
      ),
    )
    const art = article(doc, '1')
    expect(bracketedTexts(art)[1]).toBe('See the text and here, under paragraph [x](a).')
    expect(cleaningCounts(art).brackets).toBe(1)
  })

  it('adjacent brackets are alternatives, with a space between they are two spans', () => {
    const { doc } = imported(md('## Article 1\n\nParties [shall][should][may] act [now] [later].'))
    const art = article(doc, '1')
    expect(cleaningCounts(art).brackets).toBe(3)
    expect(bracketedTexts(art)[1]).toBe('Parties [shall][should][may] act [now] [later].')
  })

  it('resolves footnotes with continued definitions, and reports one without a definition', () => {
    const { doc, warnings } = imported(
      md(
        '## Article 1\n\nText[^a] and more[^b].\n\n## Part II\n\n## Article 2\n\nMore.\n\n' +
          '[^a]: First line\n    continued *here*.\n\n    And a second paragraph.\n',
      ),
    )
    const notes = find(doc, 'footnote')
    expect(notes.map((n) => n.attrs)).toEqual([
      { id: 'fn-a', text: 'First line continued here. And a second paragraph.' },
      { id: 'fn-b', text: '' },
    ])
    expect(warnings).toEqual([expect.objectContaining({ line: 7, kind: 'footnote-missing' })])
    expect(find(doc, 'heading').map((h) => h.attrs)).toEqual([{ id: 'h-part-ii', kind: 'part' }])
    expect(outlineOf(doc).map((a) => a.id)).toEqual(['art-1', 'art-2'])
  })

  it('chooses the layout by extension, else by the text', () => {
    expect(formatOf('x', 'a.md')).toBe('markdown')
    expect(formatOf('## Article 1', 'a.txt')).toBe('plain')
    expect(formatOf('---\ntitle: x\n---\n')).toBe('markdown')
    expect(formatOf('Title\n\n## Article 1 *(x)*\n')).toBe('markdown')
    expect(formatOf('Title\nArticle 1\nScope\n')).toBe('plain')
  })

  const refusals: [string, string, number, RegExp][] = [
    ['no article at all', '---\ntitle: T\n---\n\n## Preamble\n\nThe Parties,\n', 7, /Article 1/],
    ['front matter that never closes', '---\ntitle: T\n\n## Article 1\n', 1, /front matter/],
    ['no heading at all', 'Just words.\n\nMore words.\n', 3, /Preamble|Article/],
    ['an article heading without its number', md('## Article\n\nText.\n'), 5, /article number/],
  ]
  for (const [name, text, line, expected] of refusals) {
    it(`refuses ${name}, naming line ${line}`, () => {
      const result = parseNegotiatingText(text, { format: 'markdown' })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.line).toBe(line)
      expect(result.error.expected).toMatch(expected)
      expect(result.error.message).toContain(`Line ${line}:`)
    })
  }
})
