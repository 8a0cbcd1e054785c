import { MARK_CLOSE, MARK_OPEN, type WordParagraph } from './markParagraphs'
import type { ListLabel } from './wordNumbering'

// mammoth's document model (lib/documents.js), the parts this import reads. mammoth has no
// types for it: its `transformDocument` option hands it over as `any`.
/** A node of mammoth's document model. */
export interface MammothNode {
  type: string
  children?: MammothNode[]
  value?: string
  styleId?: string | null
  styleName?: string | null
  isBold?: boolean
  isItalic?: boolean
  isStrikethrough?: boolean
  isUnderline?: boolean
  highlight?: string | null
  noteType?: string
  noteId?: string
  breakType?: string
}

/** mammoth's document: body blocks, and the notes its references resolve to. */
export interface MammothDocument extends MammothNode {
  notes: { resolve(ref: { noteType?: string; noteId?: string }): { body: MammothNode[] } | null }
}

/** The Markdown of a Word file, and where each of its lines came from. */
export interface DocxMarkdown {
  markdown: string
  /** For each Markdown line (index = line - 1), the Word paragraph it came from, if any. */
  paragraphOfLine: (number | undefined)[]
  warnings: string[]
}

type Piece =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean }
  | { kind: 'note'; noteType: string; noteId: string }

// A heading as UN texts set them: "Article 2 bis", "[Article 3bis] (REDD-plus)", "Article 4.1 alt".
const ARTICLE = /^\[?\s*Article\s+\d+[\w.\s-]{0,20}?\]?\s*(\(.*\))?$/i
const PREAMBLE = /^preamble$/i
// Labels the Markdown importer reads as printed: "1.", "(a)", "(iv)", "(5bis)", "a.", "b)".
const MARKDOWN_LABEL = /^(\d+\.|\((?:\d+[a-z]*|[a-z]{1,4})\)|[a-z][.)])$/
// Indents within this many twips of each other count as the same.
const INDENT_SLACK = 40

// A number Word prints that can stand as a Markdown list marker (else it is typed out).
const isMarker = (list: ListLabel) =>
  !list.ordered || MARKDOWN_LABEL.test(list.label) || /^\(?[0-9A-Za-z]{1,8}[.)]$/.test(list.label)

const styleOf = (n: MammothNode) => `${n.styleName ?? ''} ${n.styleId ?? ''}`

/** The pieces of a paragraph's text with their emphasis, footnote references apart. */
function piecesOf(node: MammothNode, bold = false, italic = false, out: Piece[] = []): Piece[] {
  for (const c of node.children ?? []) {
    if (c.type === 'run') {
      // LibreOffice writes <strong>/<em> from HTML as character styles, not as w:b/w:i.
      const style = styleOf(c)
      piecesOf(
        c,
        bold || !!c.isBold || /strong/i.test(style),
        italic || !!c.isItalic || /\bemphasis\b/i.test(style),
        out,
      )
    } else if (c.type === 'text') out.push({ kind: 'text', text: c.value ?? '', bold, italic })
    else if (c.type === 'tab') out.push({ kind: 'text', text: ' ', bold, italic })
    else if (c.type === 'break' && (c.breakType ?? 'line') === 'line') {
      out.push({ kind: 'text', text: ' ', bold, italic })
    } else if (c.type === 'noteReference') {
      out.push({ kind: 'note', noteType: c.noteType ?? 'footnote', noteId: c.noteId ?? '' })
    } else if (c.children) piecesOf(c, bold, italic, out) // hyperlinks and the like: their text
  }
  return out
}

/** Formatting a conference document may mean something by, which the text does not keep. */
type Lost = 'struck-through' | 'underlined' | 'highlighted' | 'an image'

function lostIn(node: MammothNode, out = new Set<Lost>()): Set<Lost> {
  for (const c of node.children ?? []) {
    const words = (c.children ?? []).some((t) => t.type === 'text' && (t.value ?? '').trim())
    if (c.type === 'run' && words) {
      if (c.isStrikethrough) out.add('struck-through')
      if (c.isUnderline) out.add('underlined')
      if (c.highlight) out.add('highlighted')
    }
    if (c.type === 'image') out.add('an image')
    lostIn(c, out)
  }
  return out
}

const plainOf = (pieces: Piece[]) => pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('')

// Markdown would read a literal asterisk as emphasis, a backslash as an escape, and "<…>" as
// an HTML tag to drop.
const escape = (s: string) => s.replace(/([\\*<])/g, '\\$1')

/** One paragraph's text as Markdown: `*italic*`, `**bold**`, footnote references `[^n]`. */
function inlineOf(pieces: Piece[], noteNumber: (p: Piece & { kind: 'note' }) => number): string {
  let out = ''
  let i = 0
  while (i < pieces.length) {
    const p = pieces[i] as Piece
    if (p.kind === 'note') {
      out += `[^${noteNumber(p)}]`
      i++
      continue
    }
    let text = ''
    for (; i < pieces.length; i++) {
      const q = pieces[i] as Piece
      if (q.kind !== 'text' || q.bold !== p.bold || q.italic !== p.italic) break
      text += q.text
    }
    const marker = p.bold && p.italic ? '***' : p.bold ? '**' : p.italic ? '*' : ''
    const core = text.trim()
    // Emphasis may not start or end with a space in Markdown: keep spaces outside the markers.
    if (!marker || !core) out += escape(text)
    else {
      const lead = text.slice(0, text.length - text.trimStart().length)
      const trail = text.slice(text.trimEnd().length)
      out += `${lead}${marker}${escape(core)}${marker}${trail}`
    }
  }
  return out.replace(/\s+/g, ' ').trim()
}

// The paragraph's marker (see markParagraphs) taken out of its text: which paragraph it is.
function takeMark(pieces: Piece[]): number | undefined {
  let ordinal: number | undefined
  const re = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g')
  for (const p of pieces) {
    if (p.kind !== 'text' || !p.text.includes(MARK_OPEN)) continue
    p.text = p.text.replace(re, (_m, n: string) => {
      ordinal ??= Number(n)
      return ''
    })
  }
  return ordinal
}

const trimEnds = (pieces: Piece[]) => {
  const first = pieces.find((p) => p.kind === 'text')
  if (first?.kind === 'text') first.text = first.text.trimStart()
  const last = [...pieces].reverse().find((p) => p.kind === 'text')
  if (last?.kind === 'text') last.text = last.text.trimEnd()
}

interface OpenItem {
  list: string
  level: number
  indent: number
}

// An item holds a numbered paragraph that starts further right (or, where a list gives no
// indents, its own list's deeper levels), and an unnumbered one that lines up with its text.
const holds = (item: OpenItem, list: ListLabel | undefined, indent: number) =>
  list
    ? item.indent + INDENT_SLACK <= indent ||
      (item.list === list.list && item.level < list.level && item.indent <= indent + INDENT_SLACK)
    : indent > 0 && item.indent - INDENT_SLACK <= indent

// "3, 8, 12 and 4 more": enough to find them.
const listed = (ns: number[]) =>
  ns.length > 5 ? `${ns.slice(0, 5).join(', ')} and ${ns.length - 5} more` : ns.join(', ')

/**
 * Writes mammoth's model of a Word file as the UN-style Markdown the Markdown importer reads:
 * a Title-styled paragraph as the front matter's title; a heading-styled or all-bold
 * "Article …" or "Preamble" paragraph as `## …`; Word's numbered paragraphs as Markdown list
 * items with the numbers Word prints, nested by list level; an unnumbered paragraph indented
 * under a numbered one as that item's continuation; bold and italic as `**`/`*`; footnotes and
 * endnotes as `[^n]` with their `[^n]: text` at the end. Square brackets, "Option 1:" and "No
 * text" are typed characters in Word and pass through as they are.
 */
export function markdownOf(doc: MammothDocument, words: Map<number, WordParagraph>): DocxMarkdown {
  const lines: string[] = []
  const paragraphOfLine: (number | undefined)[] = []
  const warnings: string[] = []
  const notes = new Map<string, { number: number; ref: Piece & { kind: 'note' } }>()
  const noteNumber = (ref: Piece & { kind: 'note' }) => {
    const key = `${ref.noteType}-${ref.noteId}`
    const known = notes.get(key)
    if (known) return known.number
    const number = notes.size + 1
    notes.set(key, { number, ref })
    return number
  }
  let title: string | undefined
  let items: OpenItem[] = []
  let tableWarned = false
  const lost = new Map<Lost, number[]>()

  const emit = (line: string, ordinal?: number) => {
    if (lines.length > 0) {
      lines.push('')
      paragraphOfLine.push(undefined)
    }
    lines.push(line)
    paragraphOfLine.push(ordinal)
  }

  const paragraph = (node: MammothNode) => {
    const pieces = piecesOf(node)
    const ordinal = takeMark(pieces)
    const word = ordinal === undefined ? undefined : words.get(ordinal)
    for (const what of lostIn(node)) {
      const at = lost.get(what) ?? []
      if (ordinal !== undefined) at.push(ordinal)
      lost.set(what, at)
    }
    trimEnds(pieces)
    const plain = plainOf(pieces).trim()
    if (!plain && !pieces.some((p) => p.kind === 'note')) return
    const style = styleOf(node)
    const headingStyle = /\b(heading|title|subtitle)\b/i.test(style)
    if (/\btitle\b/i.test(style) && !/subtitle/i.test(style) && title === undefined) {
      title = plain
      return
    }
    const list = word?.list
    const texts = pieces.filter((p) => p.kind === 'text' && p.text.trim())
    const allBold = texts.length > 0 && texts.every((p) => p.kind === 'text' && p.bold)
    // An automatic number that is not a list marker ("Article 3", "3.2") is printed as typed.
    const asItem = !!list && !headingStyle && list.label !== '' && isMarker(list)
    if (list && !asItem && list.label && list.ordered) {
      pieces.unshift({ kind: 'text', text: `${list.label} `, bold: list.bold, italic: false })
    }
    const full = plainOf(pieces).trim()
    if (headingStyle || (allBold && (ARTICLE.test(full) || PREAMBLE.test(full)))) {
      if (allBold) for (const p of pieces) if (p.kind === 'text') p.bold = false
      items = []
      emit(`## ${inlineOf(pieces, noteNumber)}`, ordinal)
      return
    }
    const indent = word?.indent ?? 0
    // Nested under the open items that hold it (by indentation, or by list level).
    let depth = 0
    const numbered = asItem ? list : undefined
    while (depth < items.length && holds(items[depth] as OpenItem, numbered, indent)) depth++
    items = items.slice(0, depth)
    if (list && asItem) {
      items.push({ list: list.list, level: list.level, indent })
      let marker = !list.ordered ? '-' : list.label
      if (list.ordered && !MARKDOWN_LABEL.test(list.label)) {
        marker = `${list.value}.`
        if (!/^\d+[.)]$/.test(list.label)) {
          warnings.push(
            `Paragraph ${word?.ordinal}: Word's number "${list.label}" is written as "${marker}".`,
          )
        }
      }
      emit(`${'    '.repeat(depth)}${marker} ${inlineOf(pieces, noteNumber)}`, ordinal)
      return
    }
    emit(`${'    '.repeat(depth)}${inlineOf(pieces, noteNumber)}`, ordinal)
  }

  const block = (node: MammothNode) => {
    if (node.type === 'paragraph') paragraph(node)
    else if (node.type === 'table' || node.type === 'tableRow' || node.type === 'tableCell') {
      if (node.type === 'table' && !tableWarned) {
        tableWarned = true
        warnings.push('A table was read as paragraphs, cell by cell.')
      }
      for (const c of node.children ?? []) block(c)
    } else for (const c of node.children ?? []) block(c)
  }
  for (const c of doc.children ?? []) block(c)

  // Footnote texts are plain in the schema: their emphasis is not kept.
  const definitions: string[] = []
  for (const { number, ref } of notes.values()) {
    const note = doc.notes.resolve({ noteType: ref.noteType, noteId: ref.noteId })
    const text = (note?.body ?? [])
      .map((p) => plainOf(piecesOf(p)))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
    if (!note) warnings.push(`Footnote ${number} has no text in the file.`)
    definitions.push(`[^${number}]: ${text}`)
  }
  for (const d of definitions) emit(d)
  for (const [what, at] of lost) {
    const where = at.length ? ` (paragraph${at.length > 1 ? 's' : ''} ${listed(at)})` : ''
    warnings.push(
      what === 'an image'
        ? `An image was left out${where}.`
        : `Text ${what} in Word${where} is imported as ordinary text.`,
    )
  }

  if (title !== undefined) {
    const value = /^[\w(][^:#]*$/.test(title) ? title : JSON.stringify(title)
    const front = ['---', `title: ${value}`, '---', '']
    lines.unshift(...front)
    paragraphOfLine.unshift(...front.map(() => undefined))
  }
  return { markdown: `${lines.join('\n')}\n`, paragraphOfLine, warnings }
}
