import type { Node } from 'prosemirror-model'
import type { ClauseType } from '../../schema'
import { articleTitleOf, clauseLabels } from '../numbering'

/** A stretch of text with the emphasis drafters use. */
export interface Run {
  text: string
  em: boolean
  strong: boolean
}

/** A clause with the clauses under it: a paragraph's subparagraphs, a subparagraph's items. */
export interface NestedClause {
  type: ClauseType
  /** "1.", "(a)", "(i)", or "" for an unnumbered paragraph. */
  label: string
  runs: Run[]
  children: NestedClause[]
}

/** An article as exports print it: stable id, derived number, title and nested clauses. */
export interface ArticleView {
  id: string
  number: number
  title: string
  clauses: NestedClause[]
}

/** A whole treaty text as exports print it. */
export interface TreatyView {
  title: string
  /** One entry per preamble paragraph. */
  preamble: Run[][]
  articles: ArticleView[]
}

const DEPTH: Record<ClauseType, number> = {
  paragraph: 0,
  numbered_paragraph: 0,
  subparagraph: 1,
  item: 2,
}

/** The text of a textblock as runs, keeping emphasis. */
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

/**
 * The flat clauses of an article (or of a wording document) nested as a reader sees them:
 * each subparagraph under the paragraph before it, each item under the subparagraph (or
 * paragraph) before it, with the labels of `clauseLabels`. A clause with nothing shallower
 * before it stays at the top.
 */
export function nestClauses(article: Node): NestedClause[] {
  const labels = clauseLabels(article)
  const top: NestedClause[] = []
  const open: NestedClause[] = []
  let i = 0
  article.forEach((node) => {
    if (!(node.type.name in DEPTH)) return
    const type = node.type.name as ClauseType
    const clause: NestedClause = {
      type,
      label: labels[i++] ?? '',
      runs: runsOf(node),
      children: [],
    }
    while (open.length > 0 && DEPTH[(open[open.length - 1] as NestedClause).type] >= DEPTH[type]) {
      open.pop()
    }
    const parent = open[open.length - 1]
    if (parent) parent.children.push(clause)
    else top.push(clause)
    open.push(clause)
  })
  return top
}

/** A treaty document (treatySchema) read for export: title, preamble, numbered articles. */
export function treatyView(doc: Node): TreatyView {
  const view: TreatyView = { title: '', preamble: [], articles: [] }
  doc.forEach((node) => {
    switch (node.type.name) {
      case 'title':
        view.title = node.textContent
        break
      case 'preamble':
        node.forEach((p) => void view.preamble.push(runsOf(p)))
        break
      case 'article':
        view.articles.push({
          id: String(node.attrs.id),
          number: view.articles.length + 1,
          title: articleTitleOf(node),
          clauses: nestClauses(node),
        })
        break
    }
  })
  return view
}
