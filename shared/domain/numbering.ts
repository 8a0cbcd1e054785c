import type { Node } from 'prosemirror-model'

/** An article as the outline shows it: stable id, its number, title. */
export interface ArticleSummary {
  id: string
  /** Its position among the articles of its instrument, from 1. */
  number: number
  /**
   * The number negotiators use: the fixed label once the text has been circulated ("2", "2bis"),
   * "2 bis" for an article inserted after 2 since, or `number` for a text never circulated.
   */
  label: string
  /** Whether `label` is fixed in the text (not derived). */
  fixed: boolean
  /** The whole article is in square brackets ("[Article 3bis]"). */
  bracketed: boolean
  /** The instrument heading it falls under ("Draft decision"), "" before any. */
  instrument: string
  title: string
  /** Position of the article node in the document. */
  pos: number
}

/** A heading between articles (instrument, part, chapter, section), as the outline shows it. */
export interface HeadingSummary {
  id: string
  kind: string
  text: string
  pos: number
}

/** The text of an article's title; "" for an article without one (a merge can leave it out). */
export function articleTitleOf(article: Node): string {
  const first = article.firstChild
  return first?.type.name === 'article_title' ? first.textContent : ''
}

const LATIN = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
]
const SUFFIXED = new RegExp(`^(.*?)\\s*(${LATIN.join('|')})$`, 'i')

/**
 * The label negotiators give the n-th item inserted after `label` once numbers are frozen:
 * ("2", 1) is "2 bis", ("2 bis", 1) or ("2bis", 1) is "2 ter"; "(a)" gives "(a bis)" and "2." gives
 * "2 bis.", keeping the punctuation around the number.
 */
export function labelAfter(label: string, n = 1): string {
  const m = /^(\(?)(.*?)(\)?\.?)$/.exec(label.trim())
  const [, open = '', core = '', close = ''] = m ?? ['', '', label.trim(), '']
  const suffixed = SUFFIXED.exec(core)
  const base = suffixed ? (suffixed[1] ?? '') : core
  const already = suffixed ? LATIN.indexOf((suffixed[2] ?? '').toLowerCase()) + 1 : 0
  const index = already + n
  const suffix = LATIN[index - 1] ?? `${index + 1}`
  return `${open}${base || '0'} ${suffix}${close}`
}

/** Whether a document's numbers are frozen: some article carries a fixed label. */
export function numbersFrozen(doc: Node): boolean {
  let frozen = false
  doc.forEach((node) => {
    if (node.type.name === 'article' && node.attrs.label) frozen = true
  })
  return frozen
}

/**
 * The articles of a treaty document in order: numbered from 1 (afresh after each instrument
 * heading) while the text has never been circulated; once it has (some article carries a fixed
 * label), fixed labels are kept and an article without one is labelled after the one before it,
 * "2 bis", "2 ter".
 */
export function outlineOf(doc: Node): ArticleSummary[] {
  const frozen = numbersFrozen(doc)
  const out: ArticleSummary[] = []
  let instrument = ''
  let ordinal = 0
  let previous = ''
  let inserted = 0
  doc.forEach((node, offset) => {
    if (node.type.name === 'heading' && node.attrs.kind === 'instrument') {
      instrument = node.textContent
      ordinal = 0
      previous = ''
      inserted = 0
      return
    }
    if (node.type.name !== 'article') return
    ordinal += 1
    const fixed = String(node.attrs.label ?? '')
    let label: string
    if (!frozen) label = String(ordinal)
    else if (fixed) {
      label = fixed
      previous = fixed
      inserted = 0
    } else {
      inserted += 1
      label = labelAfter(previous || '0', inserted)
    }
    out.push({
      id: String(node.attrs.id),
      number: ordinal,
      label,
      fixed: frozen && fixed !== '',
      bracketed: node.attrs.bracketed === true,
      instrument,
      title: articleTitleOf(node),
      pos: offset,
    })
  })
  return out
}

/** The headings between articles, in order. */
export function headingsOf(doc: Node): HeadingSummary[] {
  const out: HeadingSummary[] = []
  doc.forEach((node, offset) => {
    if (node.type.name !== 'heading') return
    out.push({
      id: String(node.attrs.id),
      kind: String(node.attrs.kind),
      text: node.textContent,
      pos: offset,
    })
  })
  return out
}

/** "Art. 2 bis", or "Art. 3 (formerly 2 bis)" when `formerly` differs. */
export function articleRef(label: string, formerly?: string): string {
  return formerly && formerly !== label ? `Art. ${label} (formerly ${formerly})` : `Art. ${label}`
}

/** Lower-case letters as CSS `lower-alpha` counts: a..z, aa, ab, ... */
export function toLetters(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    s = String.fromCharCode(97 + ((k - 1) % 26)) + s
  }
  return s
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
]

/** Lower-case roman numerals, as CSS `lower-roman` counts. */
export function toRoman(n: number): string {
  let s = ''
  let k = n
  for (const [value, digits] of ROMAN) {
    for (; k >= value; k -= value) s += digits
  }
  return s
}

/** Where a clause sits inside option blocks: each enclosing option, outermost first. */
export interface OptionStep {
  /** The option block's id. */
  options: string
  /** The option's label ("Option 1"), or "Option N" by position when it has none. */
  label: string
  /** The option's index in its block, from 0. */
  index: number
}

/** A clause of an article (or of a preamble or wording) in reading order, with its label. */
export interface FlatClause {
  node: Node
  type: string
  /** "1.", "(a)", "(i)", "2 bis.", a fixed label, or "" for an unnumbered paragraph. */
  label: string
  /** The options it sits in, outermost first; [] outside option blocks. */
  path: OptionStep[]
  /** Position of the clause node relative to the start of the container's content. */
  pos: number
}

/** An option's label as shown: its own, else "Option N" by position. */
export const optionLabelOf = (option: Node, index: number): string =>
  String(option.attrs.label ?? '') || `Option ${index + 1}`

interface Counters {
  para: number
  sub: number
  item: number
}

const KIND_DEPTH: Record<string, number> = { numbered_paragraph: 0, subparagraph: 1, item: 2 }

/** How `flatClauses` labels. */
export interface FlatClauseOptions {
  /**
   * Label every clause from its order, ignoring fixed labels: what the chair's renumbering
   * gives (an unnumbered paragraph stays "").
   */
  fromOrder?: boolean
}

/**
 * The clauses of a container (an article, the preamble, an option or a wording document) in
 * reading order, through option blocks, each with the label it shows.
 *
 * Derived labels count as CSS counters would ("1.", "(a)", "(i)"; each option of a block counts on
 * from where the block starts, and after the block counting goes on from its last option). Once
 * the article's numbers are frozen (some clause carries a fixed label), fixed labels are kept and a
 * clause without one is labelled after the previous clause of its kind at its level ("2 bis.",
 * "(a bis)"), or counted when it has none.
 */
export function flatClauses(container: Node, options: FlatClauseOptions = {}): FlatClause[] {
  const fromOrder = options.fromOrder === true
  let frozen = false
  if (!fromOrder) {
    container.descendants((n) => {
      if (n.attrs.label && n.type.spec.group === 'clause') frozen = true
      return !n.isTextblock
    })
  }
  const out: FlatClause[] = []
  // The last label of each kind at the current level, and how many were inserted after it.
  const last: Record<string, { label: string; inserted: number }> = {}
  const walk = (parent: Node, base: number, path: OptionStep[], counters: Counters): Counters => {
    let c = { ...counters }
    parent.forEach((child, offset) => {
      const pos = base + offset
      if (child.type.name === 'options') {
        let after = c
        child.forEach((option, optionOffset, index) => {
          const step = {
            options: String(child.attrs.id),
            label: optionLabelOf(option, index),
            index,
          }
          const counted = walk(option, pos + 1 + optionOffset + 1, [...path, step], c)
          // An empty option ("No text") counts nothing: the count goes on from the last option
          // that holds clauses.
          if (option.childCount > 0) after = counted
        })
        c = after
        return
      }
      if (child.type.spec.group !== 'clause') return
      const type = child.type.name
      const fixed = fromOrder ? '' : String(child.attrs.label ?? '')
      const depth = KIND_DEPTH[type]
      // A shallower clause closes the deeper levels.
      if (type === 'paragraph' || type === 'numbered_paragraph') {
        c = { para: c.para, sub: 0, item: 0 }
        delete last.subparagraph
        delete last.item
      } else if (type === 'subparagraph') {
        c = { ...c, item: 0 }
        delete last.item
      }
      let label = ''
      if (depth !== undefined) {
        if (type === 'numbered_paragraph') c.para += 1
        else if (type === 'subparagraph') c.sub += 1
        else c.item += 1
        const counted =
          type === 'numbered_paragraph'
            ? `${c.para}.`
            : type === 'subparagraph'
              ? `(${toLetters(c.sub)})`
              : `(${toRoman(c.item)})`
        const previous = last[type]
        if (fixed) {
          label = fixed
          last[type] = { label: fixed, inserted: 0 }
        } else if (frozen && previous) {
          previous.inserted += 1
          label = labelAfter(previous.label, previous.inserted)
        } else {
          label = counted
          last[type] = { label: counted, inserted: 0 }
        }
      } else if (fixed) label = fixed
      out.push({ node: child, type, label, path, pos })
    })
    return c
  }
  walk(container, 0, [], { para: 0, sub: 0, item: 0 })
  return out
}

/**
 * The label shown before each clause of an article ("1.", "(a)", "(i)", or "" for an
 * unnumbered paragraph), in reading order (through option blocks): `flatClauses`' labels.
 */
export function clauseLabels(article: Node): string[] {
  return flatClauses(article).map((c) => c.label)
}
