import type { Node } from 'prosemirror-model'
import { treatySchema } from '../../schema'
import { toLetters, toRoman } from '../numbering'
import { BracketIds, inlineNodes, matchBrackets, type ClauseSource } from './bracketMatch'
import { plainPieces, type BracketSpan, type Piece } from './inline'
import type { ParseResult } from './result'
import { contextAround, importError, WarningLog, type ImportError } from './warnings'

interface Line {
  no: number
  text: string
}

type ClauseKind = 'paragraph' | 'numbered_paragraph' | 'subparagraph' | 'item'

interface ParsedClause {
  kind: ClauseKind
  text: string
  /** The marker as printed: "1.", "a)", "(i)"; "" for an unnumbered line. */
  printed: string
  line: Line
}

interface ParsedArticle {
  label: string
  title: string
  clauses: ParsedClause[]
}

const SUFFIX = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies'
const ARTICLE = new RegExp(`^Article\\s+(\\S+(?:\\s+(?:${SUFFIX}))?)\\s*$`, 'i')
// A heading of another layout ("## Article 1 *(definitions)*", "Article 1 (Scope)").
const ARTICLE_ELSEWHERE = /^\W*\[?\s*Article\s+\S+/i
const NUMBERED = /^(\d+)\.\s+(.*)$/
// `a)`, `(a)`, `(iv)`, and the OCR slip `1)` for `l)` that the CCM source carries.
const LETTERED = /^(\()?([a-z]{1,4}|1)\)\s+(.*)$/i
const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/

class Unreadable extends Error {
  constructor(readonly detail: ImportError) {
    super(detail.message)
  }
}

const fail = (line: Line, expected: string, found = line.text): never => {
  throw new Unreadable(importError(line.no, expected, found))
}

/** Options of the plain-text reader. */
export interface PlainOptions {
  file?: string
  /** Square brackets become bracketed spans (marks); else they stay characters, as before. */
  brackets?: boolean
}

/**
 * Parses a treaty in the plain-text layout of fixtures/ccm-2008.txt: a title line, preamble
 * lines, then per article an "Article N" line, a title line and one clause per line (`1.`
 * numbered paragraphs, `a)` or `(a)` subparagraphs, `(i)` items, anything else unnumbered).
 * Lines starting with `#` are comments. Article ids are `art-1`, `art-2`, ... in file order.
 *
 * Numbers out of sequence are imported and reported; the text then keeps the numbers it prints
 * (fixed labels), as a circulated draft does. A text whose numbers all run in sequence is
 * imported with derived numbering, exactly as before. Refused only when its structure cannot be
 * read: no title, no article, an article without its title line.
 */
export function parsePlainText(text: string, options: PlainOptions = {}): ParseResult {
  const log = new WarningLog(options.file ?? '')
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((raw, i) => ({ no: i + 1, text: raw.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'))
  try {
    const built = buildDoc(text, lines, log, options.brackets ?? false)
    return { ok: true, ...built, warnings: log.sorted() }
  } catch (e) {
    if (e instanceof Unreadable) return { ok: false, error: e.detail }
    throw e
  }
}

function buildDoc(
  source: string,
  lines: Line[],
  log: WarningLog,
  brackets: boolean,
): { doc: Node; title: string } {
  const [titleLine, ...rest] = lines
  if (!titleLine) throw new Unreadable(importError(1, 'a treaty title line', 'an empty file'))
  if (ARTICLE.test(titleLine.text)) fail(titleLine, 'the treaty title before the first article')

  const firstArticle = rest.findIndex((l) => ARTICLE.test(l.text))
  const preambleLines = firstArticle < 0 ? rest : rest.slice(0, firstArticle)
  const bodyLines = firstArticle < 0 ? [] : rest.slice(firstArticle)
  if (bodyLines.length === 0) {
    // Point at a heading of another layout when there is one, else at the end.
    const all = source.split(/\r?\n/)
    const elsewhere = all.findIndex((l) => ARTICLE_ELSEWHERE.test(l.trim()))
    if (elsewhere >= 0) {
      fail(
        { no: elsewhere + 1, text: (all[elsewhere] as string).trim() },
        '"Article 1" alone on its line (for Markdown, import as format "markdown")',
      )
    }
    fail(rest.at(-1) ?? titleLine, 'at least one "Article 1" line', 'end of file')
  }
  const { articles, irregular } = parseArticles(bodyLines, log)

  const s = treatySchema
  const ids = new BracketIds()
  const sources = new Map<ParsedClause | Line, ClauseSource>()
  const sourceOf = (text: string, line: Line): ClauseSource => ({
    pieces: brackets ? bracketPieces(text) : plainPieces(text),
    where: (at) => ({ line: line.no, context: contextAround(text, at) }),
  })
  const preambleSources = preambleLines.map((l) => {
    const src = sourceOf(l.text, l)
    sources.set(l, src)
    return src
  })
  if (brackets) matchBrackets(preambleSources, ids, log)
  for (const a of articles) {
    const scope = a.clauses.map((c) => {
      const src = sourceOf(c.text, c.line)
      sources.set(c, src)
      return src
    })
    if (brackets) matchBrackets(scope, ids, log)
  }
  const para = (type: string, src: ClauseSource | undefined, active: BracketSpan[], label = '') =>
    s.node(type, label ? { label } : null, src ? inlineNodes(src.pieces, active, noFootnote) : [])

  const preambleActive: BracketSpan[] = []
  const doc = s.node('doc', null, [
    s.node('title', null, [s.text(titleLine.text)]),
    s.node(
      'preamble',
      null,
      preambleLines.length > 0
        ? preambleLines.map((l) => para('paragraph', sources.get(l), preambleActive))
        : [para('paragraph', undefined, [])],
    ),
    ...articles.map((a, index) => {
      const active: BracketSpan[] = []
      return s.node('article', { id: `art-${index + 1}`, label: irregular ? a.label : '' }, [
        s.node('article_title', null, [s.text(a.title)]),
        ...a.clauses.map((c) => para(c.kind, sources.get(c), active, irregular ? c.printed : '')),
      ])
    }),
  ])
  doc.check()
  return { doc, title: titleLine.text }
}

const noFootnote = () => ({ id: '', text: '' })

// Brackets in plain text: every "[" and "]" a token, the words between plain.
function bracketPieces(text: string): Piece[] {
  const pieces: Piece[] = []
  let word = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c !== '[' && c !== ']') {
      word += c
      continue
    }
    if (word) pieces.push({ kind: 'text', text: word, em: false, strong: false })
    word = ''
    pieces.push({ kind: c === '[' ? 'open' : 'close', at: i })
  }
  if (word) pieces.push({ kind: 'text', text: word, em: false, strong: false })
  return pieces
}

function parseArticles(
  lines: Line[],
  log: WarningLog,
): { articles: ParsedArticle[]; irregular: boolean } {
  const articles: ParsedArticle[] = []
  let irregular = false
  let i = 0
  while (i < lines.length) {
    const head = lines[i] as Line
    const m = ARTICLE.exec(head.text) as RegExpExecArray
    const label = m[1] as string
    const expectedNo = articles.length + 1
    if (label !== String(expectedNo)) {
      irregular = true
      log.add(
        head.no,
        'numbering',
        `"Article ${label}" where "Article ${expectedNo}" was expected (kept as printed)`,
        head.text,
      )
    }
    const titleLine = lines[i + 1]
    if (!titleLine) fail(head, `a title line after "${head.text}"`, 'end of file')
    const title = titleLine as Line
    if (ARTICLE.test(title.text) || NUMBERED.test(title.text) || LETTERED.test(title.text)) {
      fail(title, `the title of ${head.text}`)
    }
    let end = i + 2
    while (end < lines.length && !ARTICLE.test((lines[end] as Line).text)) end++
    const parsed = parseClauses(lines.slice(i + 2, end), log)
    irregular ||= parsed.irregular
    articles.push({ label, title: title.text, clauses: parsed.clauses })
    i = end
  }
  return { articles, irregular }
}

function parseClauses(
  lines: Line[],
  log: WarningLog,
): { clauses: ParsedClause[]; irregular: boolean } {
  const clauses: ParsedClause[] = []
  let irregular = false
  let para = 0
  let sub = 0
  let item = 0
  // Whether subparagraph markers of this article are parenthesised, "(a)", or not, "a)".
  let subStyle: boolean | undefined
  const odd = (line: Line, message: string) => {
    irregular = true
    log.add(line.no, 'numbering', message, contextAround(line.text, 0))
  }
  for (const line of lines) {
    const numbered = NUMBERED.exec(line.text)
    if (numbered) {
      const n = Number(numbered[1])
      if (n !== para + 1) odd(line, `paragraph "${n}." where "${para + 1}." was expected`)
      para = n
      sub = 0
      item = 0
      subStyle = undefined
      clauses.push({
        kind: 'numbered_paragraph',
        text: numbered[2] ?? '',
        printed: `${n}.`,
        line,
      })
      continue
    }
    const lettered = LETTERED.exec(line.text)
    if (!lettered) {
      sub = 0
      item = 0
      subStyle = undefined
      clauses.push({ kind: 'paragraph', text: line.text, printed: '', line })
      continue
    }
    const paren = lettered[1] === '('
    const marker = (lettered[2] ?? '').toLowerCase()
    const body = lettered[3] ?? ''
    const printed = `${paren ? '(' : ''}${lettered[2]})`
    const nextLetter = toLetters(sub + 1)
    const nextRoman = toRoman(item + 1)
    const asLetter = marker === nextLetter || (marker === '1' && nextLetter === 'l')
    const asItem = sub > 0 && marker === nextRoman
    // "(i)" after "(h)" could open items or continue letters: the marker style decides,
    // and letters win a tie, as in the drafting convention.
    const isItem = asItem && (!asLetter || (subStyle !== undefined && paren !== subStyle))
    if (isItem) {
      item += 1
      clauses.push({ kind: 'item', text: body, printed, line })
    } else if (asLetter) {
      sub += 1
      item = 0
      subStyle ??= paren
      clauses.push({ kind: 'subparagraph', text: body, printed, line })
    } else if (sub > 0 && ROMAN.test(marker)) {
      odd(line, `item "${printed}" where "(${nextRoman})" was expected`)
      item += 1
      clauses.push({ kind: 'item', text: body, printed, line })
    } else {
      odd(
        line,
        sub > 0
          ? `"${printed}" where subparagraph "${nextLetter})" or item "(${nextRoman})" was expected`
          : `"${printed}" where subparagraph "${nextLetter})" was expected`,
      )
      sub += 1
      item = 0
      subStyle ??= paren
      clauses.push({ kind: 'subparagraph', text: body, printed, line })
    }
  }
  return { clauses, irregular }
}
