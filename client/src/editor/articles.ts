import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'

/** An article node with its position in the document and its index among the doc's children. */
export interface ArticleAt {
  node: Node
  pos: number
  index: number
}

/** The article the selection starts in, or null (title, preamble). */
export function articleAt(state: EditorState): ArticleAt | null {
  const { $from } = state.selection
  // Articles are always children of the doc, so depth 1 is the only place to look.
  if ($from.depth < 1) {
    const node = $from.nodeAfter
    return node?.type.name === 'article' ? { node, pos: $from.pos, index: $from.index(0) } : null
  }
  const node = $from.node(1)
  if (node.type.name !== 'article') return null
  return { node, pos: $from.before(1), index: $from.index(0) }
}

/**
 * Where articles begin: after the title and preamble, whichever the document holds (a merge can
 * leave either out until the server puts it back).
 */
export function articlesStart(doc: Node): number {
  let pos = 0
  for (let i = 0; i < doc.childCount; i++) {
    const child = doc.child(i)
    if (child.type.name === 'article') break
    pos += child.nodeSize
  }
  return pos
}

/** A new stable article id: `art-` and eight random base-36 characters. */
export function newArticleId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `art-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`
}
