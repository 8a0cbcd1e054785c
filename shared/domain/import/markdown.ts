import type { Node } from 'prosemirror-model'
import { treatySchema } from '../../schema'
import { BracketIds, inlineNodes, matchBrackets, type ClauseSource } from './bracketMatch'
import { Footnotes } from './footnotes'
import { markdownPieces, piecesText, type BracketSpan, type Piece } from './inline'
import { lineAt, outlineMarkdown, type Section } from './markdownBlocks'
import { buildTree, type Root, type TextRef, type TreeNode } from './markdownTree'
import { startsBlock } from './markers'
import type { ParseResult } from './result'
import { contextAround, importError, WarningLog } from './warnings'

const SUFFIX = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies'
const ARTICLE_HEADING = new RegExp(
  `^(\\[)?\\s*Article\\s+([^\\s\\]*(]+(?:\\s+(?:${SUFFIX})\\b)?)\\s*(\\])?\\s*(.*)$`,
  'i',
)

/** An article's heading read: "## [Article 3bis] *(REDD-plus)*". */
interface ArticleHead {
  label: string
  bracketed: boolean
  title: string
}

function readArticleHeading(heading: string): ArticleHead | undefined {
  const m = ARTICLE_HEADING.exec(heading.trim())
  if (!m) return undefined
  const title = (m[4] ?? '')
    .replace(/\*/g, '')
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim()
  return { label: m[2] as string, bracketed: m[1] === '[' && m[3] === ']', title }
}

const slug = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** Clause and block IR between the tree and the document, with each clause's bracket scope. */
type Ir =
  | { kind: 'clause'; type: string; label: string; source: ClauseSource; scope: object }
  | { kind: 'options'; id: string; options: { label: string; blocks: Ir[] }[] }

const CLAUSE_OF_DEPTH = ['numbered_paragraph', 'subparagraph', 'item'] as const

/**
 * Parses a negotiating text in Markdown as the UNFCCC drafts of 2015 were published (front
 * matter, a website introduction, `## Preamble`, `## Article 2bis *(general)*`, numbered
 * paragraphs with indented sub-levels, "Option 1:" blocks, square brackets, footnotes). Articles
 * and numbered clauses keep their labels as printed; anything odd is imported and reported.
 */
export function parseMarkdownText(text: string, file = ''): ParseResult {
  const log = new WarningLog(file)
  const cut = outlineMarkdown(text, startsBlock)
  if (!cut.ok) return { ok: false, error: cut.error }
  const { outline } = cut
  const articles = outline.sections.filter((s) => s.kind === 'article')
  if (articles.length === 0) {
    const last = outline.sections[outline.sections.length - 1]
    const line = (last?.blocks[last.blocks.length - 1]?.line ?? last?.line ?? 1) as number
    return {
      ok: false,
      error: importError(line, 'an "## Article 1" heading', 'no article in the text'),
    }
  }
  const heads = new Map<Section, ArticleHead>()
  for (const s of articles) {
    const head = readArticleHeading(s.heading)
    if (!head) {
      return {
        ok: false,
        error: importError(s.line, 'an article number after "Article"', `## ${s.heading}`),
      }
    }
    heads.set(s, head)
  }

  const ids = new BracketIds()
  let optionsCount = 0
  const scopes = new Map<object, ClauseSource[]>()
  const referenced = new Set<string>()

  const sourceOf = (ref: TextRef): ClauseSource => {
    const pieces: Piece[] = markdownPieces(ref.block.text.slice(ref.from), outline.links)
    for (const p of pieces) if (p.kind === 'footnote') referenced.add(p.label)
    return {
      pieces,
      where: (at) => ({
        line: lineAt(ref.block, ref.from + at),
        context: contextAround(ref.block.text, ref.from + at),
      }),
    }
  }
  const clause = (type: string, label: string, ref: TextRef, scope: object): Ir => {
    const source = sourceOf(ref)
    const list = scopes.get(scope) ?? []
    list.push(source)
    scopes.set(scope, list)
    return { kind: 'clause', type, label, source, scope }
  }
  const flatten = (nodes: TreeNode[], scope: object, preamble: boolean): Ir[] => {
    const out: Ir[] = []
    for (const node of nodes) {
      if (node.kind === 'paragraph') out.push(clause('paragraph', '', node.text, scope))
      else if (node.kind === 'item') {
        const type = preamble ? 'paragraph' : (CLAUSE_OF_DEPTH[Math.min(node.depth, 2)] as string)
        out.push(clause(type, node.label, node.text, scope))
        out.push(...flatten(node.children, scope, preamble))
      } else {
        optionsCount += 1
        out.push({
          kind: 'options',
          id: `opt-${optionsCount}`,
          options: node.options.map((o) => ({
            label: o.label,
            blocks: flatten(o.children, o, preamble),
          })),
        })
      }
    }
    return out
  }

  const preambleSection = outline.sections.find((s) => s.kind === 'preamble')
  const preambleRoot: Root = preambleSection
    ? buildTree(preambleSection.blocks, log)
    : { kind: 'root', children: [] }
  const preambleIr = flatten(preambleRoot.children, preambleRoot, true)

  checkArticleSequence(outline.sections, heads, log)
  const used = new Set<string>()
  const parts: ({ section: Section; ir: Ir[]; id: string } | { heading: Section })[] = []
  let seenArticle = false
  for (const section of outline.sections) {
    if (section.kind === 'preamble') continue
    if (section.kind === 'heading') {
      if (section.blocks.length > 0) {
        const first = section.blocks[0]
        log.add(
          first?.line ?? section.line,
          'skipped',
          `text under the heading "${section.heading}" is not part of an article and was left out`,
          contextAround(first?.text ?? '', 0),
        )
      }
      if (seenArticle) parts.push({ heading: section })
      continue
    }
    seenArticle = true
    const head = heads.get(section) as ArticleHead
    let id = `art-${slug(head.label) || 'x'}`
    for (let n = 2; used.has(id); n++) id = `art-${slug(head.label)}-${n}`
    used.add(id)
    const root = buildTree(section.blocks, log)
    parts.push({ section, ir: flatten(root.children, root, false), id })
  }

  for (const scope of scopes.values()) matchBrackets(scope, ids, log)
  const footnotes = new Footnotes(outline.footnotes, referenced, outline.links, log)

  const s = treatySchema
  const active = new Map<object, BracketSpan[]>()
  const build = (ir: Ir[], preamble: boolean): Node[] =>
    ir.map((b) => {
      if (b.kind === 'options') {
        return s.node(
          'options',
          { id: b.id },
          b.options.map((o) => s.node('option', { label: o.label }, build(o.blocks, preamble))),
        )
      }
      const spans = active.get(b.scope) ?? []
      active.set(b.scope, spans)
      const content = inlineNodes(b.source.pieces, spans, (label) => {
        const at = b.source.pieces.find((p) => p.kind === 'footnote' && p.label === label)
        const where = b.source.where(at && 'at' in at ? at.at : 0)
        return footnotes.take(label, where.line, where.context)
      })
      return s.node(b.type, { label: b.label }, content)
    })

  const titleText =
    piecesText(markdownPieces(outline.headingTitle, outline.links)) || outline.frontTitle
  const preambleNodes = build(preambleIr, true)
  const doc = s.node('doc', null, [
    s.node('title', null, titleText ? [s.text(titleText)] : []),
    s.node(
      'preamble',
      null,
      preambleNodes.length > 0 ? preambleNodes : [s.node('paragraph', null, [])],
    ),
    ...parts.map((part) => {
      if ('heading' in part) {
        const text = part.heading.heading.replace(/\*/g, '').trim()
        let id = `h-${slug(text) || 'x'}`
        for (let n = 2; used.has(id); n++) id = `h-${slug(text) || 'x'}-${n}`
        used.add(id)
        return s.node('heading', { id, kind: headingKind(text) }, [s.text(text)])
      }
      const head = heads.get(part.section) as ArticleHead
      return s.node('article', { id: part.id, label: head.label, bracketed: head.bracketed }, [
        s.node('article_title', null, head.title ? [s.text(head.title)] : []),
        ...build(part.ir, false),
      ])
    }),
  ])
  doc.check()
  return { ok: true, doc, title: titleText, warnings: log.sorted() }
}

function headingKind(text: string): string {
  if (/^part\b/i.test(text)) return 'part'
  if (/^section\b/i.test(text)) return 'section'
  if (/^chapter\b/i.test(text)) return 'chapter'
  return 'instrument'
}

const BASE = /^(\d+)\s*(\D*)$/

// Articles as circulated keep their labels; one out of sequence ("Article 18" after 16) is
// reported. "2bis" or "2 bis" after "2", and "3" after "2bis", are in sequence.
function checkArticleSequence(
  sections: Section[],
  heads: Map<Section, ArticleHead>,
  log: WarningLog,
) {
  let previous: { base: number; label: string } | undefined
  for (const section of sections) {
    // An instrument (a draft decision, a protocol) numbers its articles afresh.
    if (section.kind === 'heading' && headingKind(section.heading) === 'instrument') {
      previous = undefined
    }
    const head = heads.get(section)
    if (!head) continue
    const m = BASE.exec(head.label)
    if (!m) continue
    const base = Number(m[1])
    const suffixed = (m[2] ?? '').trim() !== ''
    const ok = previous
      ? suffixed
        ? base === previous.base
        : base === previous.base + 1
      : base === 1 && !suffixed
    if (!ok) {
      log.add(
        section.line,
        'numbering',
        previous
          ? `Article ${head.label} follows Article ${previous.label} (kept as printed)`
          : `the first article is Article ${head.label} (kept as printed)`,
        `## ${section.heading}`,
      )
    }
    previous = { base, label: head.label }
  }
}
