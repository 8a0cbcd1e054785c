import type { Node } from 'prosemirror-model'
import { tokensText, type InlineToken } from './brackets'
import { isOptions, nestBlocks, type ViewBlock } from './export/nest'
import { outlineOf } from './numbering'

/** An article as it reads in one version of the text: its number there, title and clauses. */
export interface ArticleVersion {
  id: string
  number: number
  /** What negotiators call it there ("2 bis", a fixed "3bis"); see `outlineOf`. */
  label: string
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
 * ("1.", "(a)", "(i)", a fixed "4.1 alt"; none for an unnumbered paragraph) and its square
 * brackets ("[shall][should]"), footnotes as superscript numbers; an option block as each
 * option's label on a line of its own ("Option 1:") followed by its clauses, or "No text".
 * "" if the article is not in `doc`.
 */
export function articleText(doc: Node, articleId: string): string {
  const article = findArticleNode(doc, articleId)
  if (!article) return ''
  return blockLines(nestBlocks(article)).join('\n')
}

function blockLines(blocks: readonly ViewBlock[]): string[] {
  const lines: string[] = []
  for (const b of blocks) {
    if (isOptions(b)) {
      for (const o of b.options) {
        lines.push(o.label.trim().endsWith(':') ? o.label.trim() : `${o.label.trim()}:`)
        if (o.blocks.length === 0) lines.push('No text')
        else lines.push(...blockLines(o.blocks))
      }
      continue
    }
    // Only the text's own tokens: a view with proposals is never read here.
    const text = tokensText(
      b.tokens.filter((t): t is InlineToken => !t.kind.startsWith('proposal')),
    )
    lines.push(b.label ? `${b.label} ${text}` : text)
    lines.push(...blockLines(b.children))
  }
  return lines
}

/** The article with this id as it reads in `doc` (number by order there), or null if absent. */
export function articleVersion(doc: Node, articleId: string): ArticleVersion | null {
  const summary = outlineOf(doc).find((a) => a.id === articleId)
  if (!summary) return null
  return {
    id: articleId,
    number: summary.number,
    label: summary.label,
    title: summary.title,
    text: articleText(doc, articleId),
  }
}
