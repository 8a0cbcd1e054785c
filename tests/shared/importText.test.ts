import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { cleaningCounts } from '../../shared/domain/brackets'
import { formatOf, parseNegotiatingText } from '../../shared/domain/import'
import { lineCount, MAX_TREATY_LINES, parseTreatyText } from '../../shared/domain/importText'
import { clauseLabels, outlineOf } from '../../shared/domain/numbering'

const ccmText = readFileSync(new URL('../../fixtures/ccm-2008.txt', import.meta.url), 'utf8')
const readParis = (name: string) =>
  readFileSync(new URL(`../../fixtures/paris/${name}.md`, import.meta.url), 'utf8')

function importOk(text: string): Node {
  const result = parseTreatyText(text)
  if (!result.ok) throw new Error(result.error.message)
  return result.doc
}

const articleNode = (doc: Node, number: number): Node => {
  const summary = outlineOf(doc)[number - 1]
  if (!summary) throw new Error(`no Article ${number}`)
  return doc.nodeAt(summary.pos) as Node
}

const labelled = (article: Node) => {
  const labels = clauseLabels(article)
  const out: { label: string; type: string; text: string }[] = []
  article.forEach((child, _offset, index) => {
    if (index === 0) return
    out.push({ label: labels[index - 1] ?? '', type: child.type.name, text: child.textContent })
  })
  return out
}

describe('importing the Convention on Cluster Munitions', () => {
  const doc = importOk(ccmText)

  it('finds the title, the preamble and 23 articles with stable ids', () => {
    expect(doc.firstChild?.textContent).toBe('Convention on Cluster Munitions')
    const preamble = doc.child(1)
    expect(preamble.firstChild?.textContent).toBe('The States Parties to this Convention,')
    expect(preamble.lastChild?.textContent).toBe('Have agreed as follows:')
    const outline = outlineOf(doc)
    expect(outline).toHaveLength(23)
    expect(outline.map((a) => a.id)).toEqual(outline.map((a) => `art-${a.number}`))
    expect(outline[0]?.title).toBe('General obligations and scope of application')
    expect(outline[22]?.title).toBe('Authentic texts')
  })

  it('reads Article 2 as an unnumbered line and 15 numbered definitions', () => {
    const clauses = labelled(articleNode(doc, 2))
    expect(clauses[0]).toMatchObject({ label: '', text: 'For the purposes of this Convention:' })
    const numbered = clauses.filter((c) => c.type === 'numbered_paragraph')
    expect(numbered.map((c) => c.label)).toEqual(Array.from({ length: 15 }, (_, i) => `${i + 1}.`))
    const items = clauses.filter((c) => c.type === 'item')
    expect(items.map((c) => c.label)).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)'])
    expect(items[0]?.text).toBe('Each munition contains fewer than ten explosive submunitions;')
  })

  it('reads Article 7(1) as subparagraphs (a) to (n), the OCR slip "1)" included', () => {
    const clauses = labelled(articleNode(doc, 7))
    const second = clauses.findIndex((c) => c.label === '2.')
    const subs = clauses.slice(0, second).filter((c) => c.type === 'subparagraph')
    expect(subs.map((c) => c.label).join(' ')).toBe(
      '(a) (b) (c) (d) (e) (f) (g) (h) (i) (j) (k) (l) (m) (n)',
    )
  })

  it('finds one unnumbered paragraph in Articles 9, 15, 18, 19, 22 and 23', () => {
    const single = outlineOf(doc)
      .filter((a) => {
        const clauses = labelled(articleNode(doc, a.number))
        return clauses.length === 1 && clauses[0]?.type === 'paragraph'
      })
      .map((a) => a.number)
    expect(single).toEqual([9, 15, 18, 19, 22, 23])
  })

  it('accepts the UN edition markers "(a)" as well as "a)"', () => {
    const un = importOk(
      'A Treaty\nPreamble\nArticle 1\nScope\n1. Each State shall:\n(a) first;\n(b) second:\n(i) one;\n(ii) two;\n(c) third.\n',
    )
    expect(labelled(articleNode(un, 1)).map((c) => `${c.label}${c.type[0]}`)).toEqual([
      '1.n',
      '(a)s',
      '(b)s',
      '(i)i',
      '(ii)i',
      '(c)s',
    ])
  })

  it('reads "(i)" after "(h)" as the next subparagraph and "(i)" after "a)" as an item', () => {
    const letters = 'abcdefgh'.split('').map((l) => `(${l}) x`)
    const doc = importOk(['T', 'Article 1', 'A', '1. Chapeau:', ...letters, '(i) ninth'].join('\n'))
    expect(labelled(articleNode(doc, 1)).at(-1)).toMatchObject({
      label: '(i)',
      type: 'subparagraph',
    })
    const mixed = importOk(['T', 'Article 1', 'A', '1. Chapeau:', 'a) x', '(i) y'].join('\n'))
    expect(labelled(articleNode(mixed, 1)).at(-1)).toMatchObject({ label: '(i)', type: 'item' })
  })
})

describe('malformed treaty files', () => {
  const cases: [string, string, number, RegExp][] = [
    ['an empty file', '# only a comment\n\n', 1, /title/],
    ['no article', 'A Treaty\nA preamble line\n', 2, /Article 1/],
    ['a missing article title', 'T\nArticle 1\n1. x\n', 3, /title of Article 1/],
    // The Markdown of 4 December 2015 read as plain text: its first article heading, not its end.
    ['Markdown headings', readParis('4-dec-2015'), 53, /"Article 1" alone/],
  ]
  for (const [name, text, line, expected] of cases) {
    it(`refuses ${name}, naming line ${line}`, () => {
      for (const result of [
        parseTreatyText(text),
        parseNegotiatingText(text, { format: 'plain' }),
      ]) {
        expect(result.ok).toBe(false)
        if (result.ok) return
        expect(result.error.line).toBe(line)
        expect(result.error.expected).toMatch(expected)
        expect(result.error.message).toContain(`Line ${line}:`)
      }
    })
  }
})

describe('odd numbers in the plain layout', () => {
  const cases: [string, string, number, RegExp, string[]][] = [
    [
      'a skipped article number',
      'T\nArticle 1\nA\n1. x\nArticle 3\nC\n',
      5,
      /"Article 3"/,
      ['1', '3'],
    ],
    ['a skipped paragraph number', 'T\nArticle 1\nA\n1. x\n3. y\n', 5, /"3\."/, ['1']],
    ['a skipped subparagraph letter', 'T\nArticle 1\nA\n1. x\na) y\nc) z\n', 6, /"c\)"/, ['1']],
    ['an item without subparagraph', 'T\nArticle 1\nA\n1. x\n(ii) y\n', 5, /"\(ii\)"/, ['1']],
  ]
  for (const [name, text, line, message, labels] of cases) {
    it(`imports ${name} as printed, with a warning on line ${line}`, () => {
      const result = parseNegotiatingText(text, { format: 'plain', file: 'odd.txt' })
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.warnings).toEqual([
        expect.objectContaining({
          file: 'odd.txt',
          line,
          kind: 'numbering',
          message: expect.stringMatching(message),
        }),
      ])
      // The text keeps the numbers it prints: fixed labels, as a circulated draft.
      expect(outlineOf(result.doc).map((a) => a.label)).toEqual(labels)
      expect(outlineOf(result.doc).every((a) => a.fixed)).toBe(true)
      expect(parseTreatyText(text).ok).toBe(true)
    })
  }

  it('keeps the paragraph number as printed', () => {
    const result = parseNegotiatingText('T\nArticle 1\nA\n1. x\n3. y\n', { format: 'plain' })
    if (!result.ok) throw new Error(result.error.message)
    expect(clauseLabels(articleNode(result.doc, 1))).toEqual(['1.', '3.'])
  })

  it('reads square brackets of the plain layout as spans and reports an unmatched one', () => {
    const text = 'T\nArticle 1\nA\n1. Parties [shall][should] act [now.\n2. Later.]\n3. Then].\n'
    const result = parseNegotiatingText(text, { format: 'plain' })
    if (!result.ok) throw new Error(result.error.message)
    expect(cleaningCounts(result.doc)).toEqual({ brackets: 2, options: 0 })
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 6, kind: 'unbalanced-bracket' }),
    ])
    // The reader of the demo's fixtures keeps brackets as characters.
    const plain = parseTreatyText(text)
    expect(plain.ok && plain.doc.textContent).toContain('[shall][should]')
  })
})

describe('the Convention through parseNegotiatingText', () => {
  it('imports exactly as parseTreatyText does, without a warning', () => {
    const legacy = importOk(ccmText)
    const result = parseNegotiatingText(ccmText, { file: 'ccm-2008.txt' })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toEqual([])
    expect(result.doc.eq(legacy)).toBe(true)
    expect(outlineOf(result.doc).some((a) => a.fixed)).toBe(false)
    expect(parseNegotiatingText(ccmText).ok && formatOf(ccmText)).toBe('plain')
  })
})

describe('the size of a treaty text', () => {
  it('counts lines as the parser splits them, and the Convention is far within the limit', () => {
    expect(lineCount('')).toBe(1)
    expect(lineCount('a\nb\r\nc')).toBe(3)
    expect(lineCount('a\n')).toBe(2)
    expect(lineCount(ccmText)).toBe(ccmText.split(/\r?\n/).length)
    expect(lineCount(ccmText) * 20).toBeLessThan(MAX_TREATY_LINES)
  })
})
