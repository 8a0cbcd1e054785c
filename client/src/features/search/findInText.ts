import type { Node } from 'prosemirror-model'

/**
 * The document range of `quote` in clause `clause` (its index among the article's clauses, the
 * title not counted) of an article, found without regard to case; else the clause's whole text
 * range, else the article's title; null when the article is not in the document.
 */
export function findInArticle(
  doc: Node,
  articleId: string,
  clause: number | null,
  quote: string | null,
): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null
  doc.forEach((article, pos) => {
    if (found || article.type.name !== 'article' || article.attrs.id !== articleId) return
    let index = -1
    article.forEach((child, offset) => {
      if (found) return
      const isTitle = child.type.name === 'article_title'
      if (!isTitle) index += 1
      const wanted = clause === null ? isTitle : !isTitle && index === clause
      if (!wanted) return
      const start = pos + 1 + offset + 1
      found = rangeOf(child, start, quote) ?? { from: start, to: start + child.content.size }
    })
    // The words moved out of their clause since the index was built: the article's start.
    if (!found) found = { from: pos + 2, to: pos + 2 }
  })
  return found
}

// Where `quote` is in a textblock whose content starts at `start`, by its text nodes' positions.
function rangeOf(block: Node, start: number, quote: string | null) {
  if (!quote) return null
  let text = ''
  const positions: number[] = []
  block.descendants((node, pos) => {
    if (!node.isText || !node.text) return
    for (let i = 0; i < node.text.length; i++) positions.push(start + pos + i)
    text += node.text
  })
  const at = text.toLowerCase().indexOf(quote.toLowerCase())
  const first = positions[at]
  const last = positions[at + quote.length - 1]
  if (at < 0 || first === undefined || last === undefined) return null
  return { from: first, to: last + 1 }
}
