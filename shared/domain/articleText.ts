import type { Node } from 'prosemirror-model'
import { clauseLabels, outlineOf } from './numbering'

/** An article as it reads in one version of the text: its number there, title and clauses. */
export interface ArticleVersion {
  id: string
  number: number
  title: string
  /** One clause a line, each after its label ("1. ...", "(a) ..."). */
  text: string
}

/** The article node with this stable id, or null. */
export function findArticleNode(doc: Node, articleId: string): Node | null {
  let found: Node | null = null
  doc.forEach((node) => {
    if (!found && node.type.name === 'article' && node.attrs.id === articleId) found = node
  })
  return found
}

/**
 * The plain text of an article's clauses, one a line, each with the label numbering gives it
 * ("1.", "(a)", "(i)"; none for an unnumbered paragraph); "" if the article is not in `doc`.
 */
export function articleText(doc: Node, articleId: string): string {
  const article = findArticleNode(doc, articleId)
  if (!article) return ''
  const labels = clauseLabels(article)
  const lines: string[] = []
  let index = 0
  article.forEach((clause) => {
    // The title (first, when the article has one) carries no label; clauses are labelled in order.
    if (clause.type.name === 'article_title') return
    const label = labels[index++] ?? ''
    lines.push(label ? `${label} ${clause.textContent}` : clause.textContent)
  })
  return lines.join('\n')
}

/** The article with this id as it reads in `doc` (number by order there), or null if absent. */
export function articleVersion(doc: Node, articleId: string): ArticleVersion | null {
  const summary = outlineOf(doc).find((a) => a.id === articleId)
  if (!summary) return null
  return {
    id: articleId,
    number: summary.number,
    title: summary.title,
    text: articleText(doc, articleId),
  }
}
