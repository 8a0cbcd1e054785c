import type { Node } from 'prosemirror-model'
import type { ClauseType } from '../../schema'
import { textblocksOf, tokensOf, type InlineToken } from '../brackets'
import { articleTitleOf, flatClauses, optionLabelOf, outlineOf } from '../numbering'

export type { InlineToken } from '../brackets'

/** A tabled proposal's note in the "text with brackets" view (see proposalsInText.ts). */
export interface ProposalNoteView {
  id: string
  /** "Alt 1" when proposals compete for the same words, else null. */
  alt: string | null
  /** "DEU, FRA". */
  sponsors: string
  /** "bracketed", "under consultation", "deferred", or null. */
  status: string | null
  words: string
  title: string
}

/**
 * What the "text with brackets" view adds to a clause's tokens: the square brackets around a
 * proposal's words (muted when all its proposals are deferred) and its note after them.
 */
export type ProposalToken =
  | { kind: 'proposal-open'; muted: boolean }
  | { kind: 'proposal-close'; muted: boolean }
  | { kind: 'proposal'; muted: boolean; note: ProposalNoteView }

/** A token of a clause as exports print it: the text's own, or a proposal's in that view. */
export type ViewToken = InlineToken | ProposalToken

/** A stretch of text with the emphasis drafters use. */
export interface Run {
  text: string
  em: boolean
  strong: boolean
}

/** A clause with what stands under it: a paragraph's subparagraphs, its option blocks, ... */
export interface NestedClause {
  kind?: 'clause'
  type: ClauseType
  /** "1.", "(a)", "(i)", a fixed label ("4.1 alt"), "2 bis." after a fixed one, or "". */
  label: string
  /** Its words without brackets, footnotes or placeholders (what older readers used). */
  runs: Run[]
  /** Its words as a conference document prints them: brackets, footnote refs, placeholders. */
  tokens: ViewToken[]
  children: ViewBlock[]
}

/** One option of an option block: its label ("Option 1") and its clauses; none reads "No text". */
export interface OptionView {
  label: string
  blocks: ViewBlock[]
}

/** An option block ("Option 1: ... Option 2: No text") where it stands among clauses. */
export interface OptionsView {
  kind: 'options'
  id: string
  options: OptionView[]
}

/** What an article's (or preamble's) body is made of: clauses and option blocks. */
export type ViewBlock = NestedClause | OptionsView

/** A footnote as exports print it, numbered in reading order over the whole text. */
export interface FootnoteView {
  id: string
  number: number
  text: string
}

/** An article as exports print it. */
export interface ArticleView {
  id: string
  /**
   * Its id in exports, after the Akoma Ntoso naming convention: `art_2bis`, prefixed by its
   * instrument's container (`hcontainer_2__art_1`) after an instrument heading; unique.
   */
  eId: string
  /** Position among the articles of its instrument, from 1. */
  number: number
  /** What negotiators call it: "2", "2 bis", a fixed "3bis" (see `outlineOf`). */
  label: string
  /** Whether `label` is fixed in the text (circulated) rather than counted. */
  fixed: boolean
  /** The whole article is in square brackets: "[Article 3bis]". */
  bracketed: boolean
  /** The instrument heading it falls under ("Draft decision"), "" before any. */
  instrument: string
  title: string
  clauses: ViewBlock[]
  /** Its footnotes, in order (numbers continue across the document). */
  footnotes: FootnoteView[]
  /** In the "text with brackets" view: proposed new articles to follow it. */
  newArticles?: ProposalNoteView[]
}

/** A heading between articles: an instrument ("Draft decision -/CP.21"), Part, Chapter, Section. */
export interface HeadingView {
  id: string
  kind: 'instrument' | 'part' | 'chapter' | 'section'
  text: string
}

/** What the body of a text is, in order: headings and articles. */
export type BodyItem =
  { kind: 'heading'; heading: HeadingView } | { kind: 'article'; article: ArticleView }

/** A whole treaty text as exports print it. */
export interface TreatyView {
  title: string
  /** One entry per preamble paragraph, words only (for readers that want no structure). */
  preamble: Run[][]
  /** The preamble's paragraphs and option blocks, with their tokens. */
  preambleBlocks: ViewBlock[]
  /** The preamble's footnotes. */
  preambleFootnotes: FootnoteView[]
  articles: ArticleView[]
  /** Headings and articles in reading order. */
  body: BodyItem[]
  /** Whether any bracket, bracketed article or option block is left: the text is a draft. */
  hasBrackets: boolean
}

const DEPTH: Record<ClauseType, number> = {
  paragraph: 0,
  numbered_paragraph: 0,
  subparagraph: 1,
  item: 2,
}

/** The text of a textblock as runs, keeping emphasis (atoms and brackets left out). */
export function runsOf(block: Node): Run[] {
  const runs: Run[] = []
  block.forEach((child) => {
    if (!child.isText || !child.text) return
    runs.push({
      text: child.text,
      em: child.marks.some((m) => m.type.name === 'em'),
      strong: child.marks.some((m) => m.type.name === 'strong'),
    })
  })
  return runs
}

/** Runs as plain text. */
export const plain = (runs: readonly Run[]): string => runs.map((r) => r.text).join('')

/** Runs as text tokens (no brackets): for words that never carry brackets. */
export const runTokens = (runs: readonly Run[]): InlineToken[] =>
  runs.map((r) => ({ kind: 'text', text: r.text, em: r.em, strong: r.strong }))

const isClause = (node: Node | undefined): boolean => node !== undefined && node.type.name in DEPTH

/** Whether a block is an option block. */
export const isOptions = (b: ViewBlock): b is OptionsView => b.kind === 'options'

/** The clauses among blocks (option blocks left out): what a reader counts as this level. */
export const clausesOf = (blocks: readonly ViewBlock[]): NestedClause[] =>
  blocks.filter((b): b is NestedClause => !isOptions(b))

// The first clause's depth inside an option block (for where the block nests), or null if all
// its options are empty.
function firstDepth(node: Node): number | null {
  let depth: number | null = null
  node.descendants((n) => {
    if (depth !== null) return false
    if (n.type.name in DEPTH) {
      depth = DEPTH[n.type.name as ClauseType]
      return false
    }
    return true
  })
  return depth
}

/**
 * The body of a container (an article, the preamble, an option, a wording document) nested as a
 * reader sees it: each subparagraph under the paragraph before it, each item under the
 * subparagraph (or paragraph) before it, an option block under the clause its first clause would
 * go under, with the labels of `flatClauses` and the tokens of `tokensOf` (brackets may span
 * clauses: they are opened and closed over the whole container). Footnotes are numbered from
 * `firstFootnote`.
 */
export function nestBlocks(container: Node, firstFootnote = 1): ViewBlock[] {
  const labels = flatClauses(container).map((c) => c.label)
  const blocks = textblocksOf(container)
  const allTokens = tokensOf(container, firstFootnote)
  // Textblocks in reading order minus titles are the clauses in reading order.
  const clauseTokens = allTokens.filter((_, i) => isClause(blocks[i]))
  let index = 0
  const walk = (parent: Node): ViewBlock[] => {
    const top: ViewBlock[] = []
    const open: NestedClause[] = []
    const place = (block: ViewBlock, depth: number) => {
      while (open.length > 0 && DEPTH[(open[open.length - 1] as NestedClause).type] >= depth) {
        open.pop()
      }
      const under = open[open.length - 1]
      if (under) under.children.push(block)
      else top.push(block)
    }
    parent.forEach((node) => {
      if (node.type.name === 'options') {
        const view: OptionsView = {
          kind: 'options',
          id: String(node.attrs.id),
          options: [],
        }
        // Where it nests is decided before its clauses take their labels and tokens.
        const depth = firstDepth(node)
        node.forEach((option, _o, i) => {
          view.options.push({ label: optionLabelOf(option, i), blocks: walk(option) })
        })
        place(view, depth ?? 0)
        return
      }
      if (!(node.type.name in DEPTH)) return
      const type = node.type.name as ClauseType
      const clause: NestedClause = {
        kind: 'clause',
        type,
        label: labels[index] ?? '',
        runs: runsOf(node),
        tokens: clauseTokens[index] ?? [],
        children: [],
      }
      index += 1
      place(clause, DEPTH[type])
      open.push(clause)
    })
    return top
  }
  return walk(container)
}

/** The clauses of an article (or of a wording document) nested as a reader sees them: `nestBlocks`. */
export function nestClauses(article: Node): ViewBlock[] {
  return nestBlocks(article)
}

/** The footnotes among blocks, in reading order. */
export function footnotesOf(blocks: readonly ViewBlock[]): FootnoteView[] {
  const out: FootnoteView[] = []
  const visit = (list: readonly ViewBlock[]) => {
    for (const b of list) {
      if (isOptions(b)) {
        for (const o of b.options) visit(o.blocks)
        continue
      }
      for (const t of b.tokens) {
        if (t.kind === 'footnote') out.push({ id: t.id, number: t.number, text: t.text })
      }
      visit(b.children)
    }
  }
  visit(blocks)
  return out
}

// Whether a document still carries brackets or options: any bracket mark, bracketed article or
// option block.
function anyBrackets(doc: Node): boolean {
  let found = false
  doc.descendants((n) => {
    if (found) return false
    if (n.type.name === 'options') found = true
    if (n.type.name === 'article' && n.attrs.bracketed === true) found = true
    if (n.marks.some((m) => m.type.name === 'bracket')) found = true
    return !found
  })
  return found
}

const HEADING_KINDS = ['instrument', 'part', 'chapter', 'section'] as const

/**
 * A treaty document (treatySchema) read for export: title, preamble, headings and articles with
 * the labels negotiators use (`outlineOf`), clauses and option blocks nested, and footnotes
 * numbered from 1 in reading order over the whole text.
 */
export function treatyView(doc: Node): TreatyView {
  const view: TreatyView = {
    title: '',
    preamble: [],
    preambleBlocks: [],
    preambleFootnotes: [],
    articles: [],
    body: [],
    hasBrackets: anyBrackets(doc),
  }
  const outline = new Map(outlineOf(doc).map((a) => [a.pos, a]))
  let footnote = 1
  let instruments = 0
  const used = new Set<string>()
  doc.forEach((node, offset) => {
    switch (node.type.name) {
      case 'title':
        view.title = node.textContent
        break
      case 'preamble': {
        node.descendants((p) => {
          if (p.isTextblock) view.preamble.push(runsOf(p))
          return !p.isTextblock
        })
        view.preambleBlocks = nestBlocks(node, footnote)
        view.preambleFootnotes = footnotesOf(view.preambleBlocks)
        footnote += view.preambleFootnotes.length
        break
      }
      case 'heading': {
        const kind = String(node.attrs.kind)
        if (kind === 'instrument') instruments += 1
        view.body.push({
          kind: 'heading',
          heading: {
            id: String(node.attrs.id),
            kind: (HEADING_KINDS as readonly string[]).includes(kind)
              ? (kind as HeadingView['kind'])
              : 'chapter',
            text: node.textContent,
          },
        })
        break
      }
      case 'article': {
        const summary = outline.get(offset)
        const clauses = nestBlocks(node, footnote)
        const footnotes = footnotesOf(clauses)
        footnote += footnotes.length
        const label = summary?.label ?? String(view.articles.length + 1)
        const prefix = instruments > 0 ? `hcontainer_${instruments}__` : ''
        const base = `${prefix}art_${label.replace(/[^A-Za-z0-9]/g, '').toLowerCase() || 'x'}`
        let eId = base
        for (let n = 2; used.has(eId); n++) eId = `${base}-${n}`
        used.add(eId)
        const article: ArticleView = {
          id: String(node.attrs.id),
          eId,
          number: summary?.number ?? view.articles.length + 1,
          label,
          fixed: summary?.fixed ?? false,
          bracketed: node.attrs.bracketed === true,
          instrument: summary?.instrument ?? '',
          title: articleTitleOf(node),
          clauses,
          footnotes,
        }
        view.articles.push(article)
        view.body.push({ kind: 'article', article })
        break
      }
    }
  })
  return view
}

/** "Article 2 bis", or "[Article 3bis]" for a bracketed article: the line above its title. */
export const articleHeading = (a: Pick<ArticleView, 'label' | 'bracketed'>): string =>
  a.bracketed ? `[Article ${a.label}]` : `Article ${a.label}`
