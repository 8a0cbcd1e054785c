import type { Node } from 'prosemirror-model'
import { treatySchema } from '../schema'
import { toLetters, toRoman } from './numbering'

/** Where and why a plain-text treaty could not be imported. */
export interface ImportError {
  line: number
  expected: string
  found: string
  message: string
}

/** The outcome of parsing a plain-text treaty: a schema-valid document, or the first error. */
export type ImportResult =
  { ok: true; doc: Node; title: string } | { ok: false; error: ImportError }

interface Line {
  no: number
  text: string
}

type ClauseKind = 'paragraph' | 'numbered_paragraph' | 'subparagraph' | 'item'

interface ParsedArticle {
  number: number
  title: string
  clauses: { kind: ClauseKind; text: string }[]
}

// Ten times the longest treaties (UNCLOS has a few thousand lines); past about 100,000 clauses in
// one article converting the document to Yjs exhausts the stack, and the import blocks the server
// for about 15 µs a line.
/** The most lines a plain-text treaty may have to be imported. */
export const MAX_TREATY_LINES = 20_000

/** How many lines a text has, counted without splitting it. */
export function lineCount(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

const ARTICLE = /^Article\s+(\S+)\s*$/i
const NUMBERED = /^(\d+)\.\s+(.*)$/
// `a)`, `(a)`, `(iv)`, and the OCR slip `1)` for `l)` that the CCM source carries.
const LETTERED = /^(\()?([a-z]{1,4}|1)\)\s+(.*)$/i

class Malformed extends Error {
  constructor(readonly detail: ImportError) {
    super(detail.message)
  }
}

const fail = (line: Line, expected: string, found = line.text): never => {
  const shown = found.length > 60 ? `${found.slice(0, 57)}...` : found
  throw new Malformed({
    line: line.no,
    expected,
    found: shown,
    message: `Line ${line.no}: expected ${expected}, found "${shown}".`,
  })
}

/**
 * Parses a treaty in the plain-text layout of shared/data/ccm-2008.txt: a title line, preamble
 * lines, then per article an "Article N" line, a title line and one clause per line (`1.`
 * numbered paragraphs, `a)` or `(a)` subparagraphs, `(i)` items, anything else unnumbered).
 * Lines starting with `#` are comments. Article ids are `art-1`, `art-2`, ... in file order.
 */
export function parseTreatyText(text: string): ImportResult {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, i) => ({ no: i + 1, text: raw.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'))
  try {
    return { ok: true, ...buildDoc(lines) }
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: e.detail }
    throw e
  }
}

function buildDoc(lines: Line[]): { doc: Node; title: string } {
  const [titleLine, ...rest] = lines
  if (!titleLine) throw new Malformed(emptyError())
  if (ARTICLE.test(titleLine.text)) fail(titleLine, 'the treaty title before the first article')

  const firstArticle = rest.findIndex((l) => ARTICLE.test(l.text))
  const preambleLines = firstArticle < 0 ? rest : rest.slice(0, firstArticle)
  const bodyLines = firstArticle < 0 ? [] : rest.slice(firstArticle)
  if (bodyLines.length === 0) {
    fail(rest.at(-1) ?? titleLine, 'at least one "Article 1" line', 'end of file')
  }
  const articles = parseArticles(bodyLines)

  const s = treatySchema
  const para = (type: string, t: string) => s.node(type, null, t ? [s.text(t)] : [])
  const doc = s.node('doc', null, [
    s.node('title', null, [s.text(titleLine.text)]),
    s.node(
      'preamble',
      null,
      preambleLines.length > 0
        ? preambleLines.map((l) => para('paragraph', l.text))
        : [para('paragraph', '')],
    ),
    ...articles.map((a) =>
      s.node('article', { id: `art-${a.number}` }, [
        s.node('article_title', null, [s.text(a.title)]),
        ...a.clauses.map((c) => para(c.kind, c.text)),
      ]),
    ),
  ])
  doc.check()
  return { doc, title: titleLine.text }
}

function emptyError(): ImportError {
  return {
    line: 1,
    expected: 'a treaty title line',
    found: 'an empty file',
    message: 'Line 1: expected a treaty title line, found an empty file.',
  }
}

function parseArticles(lines: Line[]): ParsedArticle[] {
  const articles: ParsedArticle[] = []
  let i = 0
  while (i < lines.length) {
    const head = lines[i] as Line
    const m = ARTICLE.exec(head.text)
    const expectedNo = articles.length + 1
    if (!m || m[1] !== String(expectedNo)) fail(head, `"Article ${expectedNo}"`)
    const titleLine = lines[i + 1]
    if (!titleLine) fail(head, `a title line after "Article ${expectedNo}"`, 'end of file')
    const title = titleLine as Line
    if (ARTICLE.test(title.text) || NUMBERED.test(title.text) || LETTERED.test(title.text)) {
      fail(title, `the title of Article ${expectedNo}`)
    }
    let end = i + 2
    while (end < lines.length && !ARTICLE.test((lines[end] as Line).text)) end++
    articles.push({
      number: expectedNo,
      title: title.text,
      clauses: parseClauses(lines.slice(i + 2, end)),
    })
    i = end
  }
  return articles
}

function parseClauses(lines: Line[]): ParsedArticle['clauses'] {
  const clauses: ParsedArticle['clauses'] = []
  let para = 0
  let sub = 0
  let item = 0
  // Whether subparagraph markers of this article are parenthesised, "(a)", or not, "a)".
  let subStyle: boolean | undefined
  for (const line of lines) {
    const numbered = NUMBERED.exec(line.text)
    if (numbered) {
      if (Number(numbered[1]) !== para + 1) fail(line, `paragraph "${para + 1}."`)
      para += 1
      sub = 0
      item = 0
      subStyle = undefined
      clauses.push({ kind: 'numbered_paragraph', text: numbered[2] ?? '' })
      continue
    }
    const lettered = LETTERED.exec(line.text)
    if (!lettered) {
      sub = 0
      item = 0
      subStyle = undefined
      clauses.push({ kind: 'paragraph', text: line.text })
      continue
    }
    const paren = lettered[1] === '('
    const marker = (lettered[2] ?? '').toLowerCase()
    const body = lettered[3] ?? ''
    const nextLetter = toLetters(sub + 1)
    const nextRoman = toRoman(item + 1)
    const asLetter = marker === nextLetter || (marker === '1' && nextLetter === 'l')
    const asItem = sub > 0 && marker === nextRoman
    // "(i)" after "(h)" could open items or continue letters: the marker style decides,
    // and letters win a tie, as in the drafting convention.
    const isItem = asItem && (!asLetter || (subStyle !== undefined && paren !== subStyle))
    if (isItem) {
      item += 1
      clauses.push({ kind: 'item', text: body })
    } else if (asLetter) {
      sub += 1
      item = 0
      subStyle ??= paren
      clauses.push({ kind: 'subparagraph', text: body })
    } else {
      const expected =
        sub > 0
          ? `subparagraph "${nextLetter})" or item "(${nextRoman})"`
          : `subparagraph "${nextLetter})"`
      fail(line, expected)
    }
  }
  return clauses
}
