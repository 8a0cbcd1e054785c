import { ListCounters, styleSetting, type ListLabel, type WordNumbering } from './wordNumbering'

/** What the import needs of one body paragraph that mammoth does not tell. */
export interface WordParagraph {
  /** Its place among the body's paragraphs, from 1, as messages name it. */
  ordinal: number
  styleId?: string
  /** Word's automatic number, if the paragraph has one. */
  list?: ListLabel
  /** Where its text starts, in twips (direct indent, else its list level's, else its style's). */
  indent: number
}

/** The body with a marker at the start of each paragraph, and what each paragraph is. */
export interface MarkedBody {
  xml: string
  paragraphs: Map<number, WordParagraph>
  warnings: string[]
}

/** The marker put before each paragraph's text: private-use characters around its ordinal. */
export const MARK_OPEN = '\uE000'
export const MARK_CLOSE = '\uE001'
const MARK_RUN = (n: number) =>
  `<w:r><w:t xml:space="preserve">${MARK_OPEN}${n}${MARK_CLOSE}</w:t></w:r>`

// A start, end or empty tag; attribute values may hold '>'.
const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g
const ATTR = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs)?.slice(1).find(Boolean)

interface Open {
  ordinal: number
  insertAt: number
  /** Still reading the paragraph's properties (it starts with w:pPr, not yet closed). */
  inProps: boolean
  sawChild: boolean
  done: boolean
  styleId?: string
  numId?: string
  ilvl?: number
  indent?: number
}

/**
 * Reads word/document.xml in reading order: computes each body paragraph's automatic number
 * (numbering counts in document order, so it is done here, once) and puts a marker run with the
 * paragraph's ordinal at its start, so that the paragraphs mammoth reads can be matched to these
 * records whatever mammoth skips or reorders. Paragraphs inside `mc:Choice` are left alone:
 * mammoth reads the `mc:Fallback` copy of such content, and counting both would count twice.
 */
export function markParagraphs(xml: string, numbering: WordNumbering): MarkedBody {
  const counters = new ListCounters(numbering)
  const paragraphs = new Map<number, WordParagraph>()
  const warnings: string[] = []
  const inserts: { at: number; ordinal: number }[] = []
  const stack: string[] = []
  const open: (Open | null)[] = []
  let ordinal = 0
  let choice = 0

  // The paragraph's properties are known: number it now, in document order.
  const settle = (p: Open) => {
    if (p.done) return
    p.done = true
    inserts.push({ at: p.insertAt, ordinal: p.ordinal })
    let numId = p.numId ?? styleSetting(numbering, p.styleId, 'numId')
    const ilvl = p.ilvl ?? styleSetting(numbering, p.styleId, 'ilvl') ?? 0
    if (numId === '0') numId = undefined // numbering switched off on this paragraph
    let list: ListLabel | undefined
    if (numId !== undefined) {
      list = counters.next(numId, ilvl) ?? undefined
      if (!list) warnings.push(`Paragraph ${p.ordinal}: list ${numId} is not defined; no number.`)
      else if (list.unknownFormat) {
        warnings.push(
          `Paragraph ${p.ordinal}: number format "${list.unknownFormat}" read as decimal (${list.label}).`,
        )
      }
    }
    const indent = p.indent ?? list?.indent ?? styleSetting(numbering, p.styleId, 'indent') ?? 0
    paragraphs.set(p.ordinal, {
      ordinal: p.ordinal,
      indent,
      ...(p.styleId ? { styleId: p.styleId } : {}),
      ...(list ? { list } : {}),
    })
  }
  const parentIs = (...names: string[]) => names.every((n, i) => stack[stack.length - 1 - i] === n)

  for (const m of xml.matchAll(TAG)) {
    const [whole, closing, name = '', attrs = '', empty] = m
    const end = (m.index ?? 0) + whole.length
    const p = open[open.length - 1] ?? null
    if (closing) {
      stack.pop()
      if (name === 'mc:Choice') choice -= 1
      if (name === 'w:pPr' && p?.inProps && parentIs('w:p')) {
        p.inProps = false
        p.insertAt = end
        settle(p)
      }
      if (name === 'w:p') {
        if (p) settle(p)
        open.pop()
      }
      continue
    }
    if (p && !p.sawChild && parentIs('w:p')) {
      p.sawChild = true
      if (name === 'w:pPr' && !empty) p.inProps = true
      else if (name === 'w:pPr') p.insertAt = end
      if (!p.inProps) settle(p)
    }
    if (p?.inProps) {
      if (parentIs('w:pPr', 'w:p')) {
        if (name === 'w:pStyle') p.styleId = ATTR(attrs, 'w:val')
        if (name === 'w:ind') {
          const left = Number(ATTR(attrs, 'w:left') ?? ATTR(attrs, 'w:start'))
          if (Number.isFinite(left)) p.indent = left
        }
      }
      if (parentIs('w:numPr', 'w:pPr', 'w:p')) {
        if (name === 'w:numId') p.numId = ATTR(attrs, 'w:val')
        if (name === 'w:ilvl') p.ilvl = Number(ATTR(attrs, 'w:val') ?? 0)
      }
    }
    if (name === 'w:p' && !empty) {
      open.push(
        choice > 0
          ? null
          : { ordinal: ++ordinal, insertAt: end, inProps: false, sawChild: false, done: false },
      )
    }
    if (!empty) {
      stack.push(name)
      if (name === 'mc:Choice') choice += 1
    }
  }

  inserts.sort((a, b) => a.at - b.at)
  let out = ''
  let from = 0
  for (const { at, ordinal: n } of inserts) {
    out += xml.slice(from, at) + MARK_RUN(n)
    from = at
  }
  return { xml: out + xml.slice(from), paragraphs, warnings }
}
