import type { Node } from 'prosemirror-model'
import { flatClauses, optionLabelOf, outlineOf } from '../../../shared/domain/numbering'
import { articleHeading } from './plugins/labelsPlugin'

// Calls `visit` with each node under `node` and the element `toDOM` made of it: block nodes put
// their content straight into their one element, so children pair by index.
function pair(node: Node, element: Element, visit: (node: Node, element: Element) => void): void {
  visit(node, element)
  if (node.isTextblock) return
  node.forEach((child, _offset, index) => {
    const el = element.children[index]
    if (el) pair(child, el, visit)
  })
}

/**
 * Puts on a text rendered by the schema's `toDOM` (a closed round's text) the labels the editor
 * shows with decorations (`labelsPlugin`): `data-shown-label` on each article title, clause and
 * option, and the `option-empty` class. `root` holds the rendering of `doc.content`.
 */
export function labelRenderedText(doc: Node, root: ParentNode): void {
  const labels = new Map<Node, string>()
  const headings = new Map(outlineOf(doc).map((a) => [a.pos, articleHeading(a.label, a.bracketed)]))
  doc.forEach((top, pos) => {
    const heading = headings.get(pos)
    if (heading && top.firstChild?.type.name === 'article_title')
      labels.set(top.firstChild, heading)
    for (const clause of flatClauses(top)) if (clause.label) labels.set(clause.node, clause.label)
    top.descendants((node) => {
      if (node.type.name === 'options') {
        node.forEach((option, _o, index) => labels.set(option, `${optionLabelOf(option, index)}:`))
      }
      return !node.isTextblock
    })
  })
  doc.forEach((top, _pos, index) => {
    const element = root.children[index]
    if (!element) return
    pair(top, element, (node, el) => {
      const label = labels.get(node)
      if (label) el.setAttribute('data-shown-label', label)
      if (node.type.name === 'option' && node.childCount === 0) el.classList.add('option-empty')
    })
  })
}
