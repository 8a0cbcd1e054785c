import type { Node } from 'prosemirror-model'
import { builders, type NodeBuilder } from 'prosemirror-test-builder'
import { treatySchema } from '../../shared/schema'

const b = builders(treatySchema)

/** Test builders for treaty documents: `doc(title('T'), preamble(paragraph('...')), ...)`. */
export const {
  doc,
  title,
  preamble,
  paragraph,
  article_title,
  numbered_paragraph,
  subparagraph,
  item,
} = b as typeof b & Record<keyof typeof treatySchema.nodes, NodeBuilder>

/** An article with the given stable id: `article('art-1', article_title('Scope'), ...)`. */
export const article = (id: string, ...content: Parameters<NodeBuilder>): Node => {
  const built = (b.article as NodeBuilder)(...content)
  // Keep the <a>/<b> tags so that treaty(...).tag finds positions inside articles.
  return Object.assign(treatySchema.node('article', { id }, built.content), { tag: built.tag })
}

/** A minimal valid treaty around the given articles. */
export const treaty = (...articles: Node[]): Node =>
  doc(title('T'), preamble(paragraph('Recalling')), ...articles)
