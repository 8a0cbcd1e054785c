import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { DecorationSet, type Decoration } from 'prosemirror-view'

/** Decorations kept per top-level node (title, preamble, heading, article). */
export interface TopLevelState {
  set: DecorationSet
  /** Each top-level node decorated, with the context it was decorated in. */
  built: Map<Node, string>
}

/**
 * How a plugin decorates: `contexts` gives, per top-level child of the document, what its
 * decorations depend on beyond its own content (an article's label, the number of its first
 * footnote); `build` decorates one child at `pos`.
 */
export interface TopLevelDecorator {
  contexts: (doc: Node) => string[]
  build: (node: Node, pos: number, context: string) => Decoration[]
}

/** Decorates every top-level node of `doc`. */
export function initTopLevel(doc: Node, decorator: TopLevelDecorator): TopLevelState {
  const contexts = decorator.contexts(doc)
  const built = new Map<Node, string>()
  const decorations: Decoration[] = []
  doc.forEach((node, pos, index) => {
    const context = contexts[index] ?? ''
    built.set(node, context)
    decorations.push(...decorator.build(node, pos, context))
  })
  return { set: DecorationSet.create(doc, decorations), built }
}

/**
 * The decorations after a transaction: mapped, and rebuilt only for the top-level nodes that
 * changed or whose context did (ProseMirror shares unchanged nodes between documents, so a
 * keystroke rebuilds one article, and an article inserted rebuilds the labels after it).
 */
export function applyTopLevel(
  tr: Transaction,
  value: TopLevelState,
  decorator: TopLevelDecorator,
): TopLevelState {
  if (!tr.docChanged) return value
  const doc = tr.doc
  const contexts = decorator.contexts(doc)
  let set = value.set.map(tr.mapping, doc)
  // The same node twice (an article copied before its original is deleted): both are rebuilt,
  // as it is not known which of them the mapped decorations followed.
  const seen = new Set<Node>()
  const twice = new Set<Node>()
  doc.forEach((node) => void (seen.has(node) ? twice.add(node) : seen.add(node)))
  const built = new Map<Node, string>()
  doc.forEach((node, pos, index) => {
    const context = contexts[index] ?? ''
    built.set(node, context)
    if (!twice.has(node) && value.built.get(node) === context) return
    const end = pos + node.nodeSize
    const stale = set.find(pos, end).filter((d) => d.from >= pos && d.to <= end)
    set = set.remove(stale).add(doc, decorator.build(node, pos, context))
  })
  return { set, built }
}
