import { Selection, TextSelection } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'

/**
 * Scrolls an article to the top of the text, below whatever sticky bar covers it there, puts
 * the caret at the end of its title (where an editor goes on typing) and focuses the text (a
 * reader's too: it takes a caret).
 */
export function goToArticle(view: EditorView, articleId: string): boolean {
  let target: { pos: number; first: Node | null } | null = null
  view.state.doc.forEach((node, pos) => {
    if (!target && node.type.name === 'article' && node.attrs.id === articleId) {
      target = { pos, first: node.firstChild }
    }
  })
  // TypeScript cannot see the assignment inside the callback.
  const found = target as { pos: number; first: Node | null } | null
  if (!found) return false
  const { pos, first } = found
  const { doc } = view.state
  // pos + 1 enters the article, + 1 more enters its title (or first clause, if it has none).
  const cursor = first?.isTextblock
    ? TextSelection.create(doc, pos + 2 + first.content.size)
    : Selection.near(doc.resolve(pos + 1))
  view.dispatch(view.state.tr.setSelection(cursor))
  view.focus()
  const dom = view.nodeDOM(pos)
  if (dom instanceof HTMLElement) scrollBelowCover(dom)
  return true
}

// The sticky toolbar's height depends on the width and the role (a toolbar, a read-only
// note, a phone's bar), so the margin above the heading is measured, not guessed.
function scrollBelowCover(element: HTMLElement) {
  element.scrollIntoView({ block: 'start' })
  const box = element.getBoundingClientRect()
  const bar = coveringBar(element, box.left + Math.min(24, box.width / 2), box.top + 1)
  if (!bar) return
  const overlap = bar.bottom - box.top
  const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0
  element.style.scrollMarginTop = `${Math.ceil(margin + overlap + 12)}px`
  element.scrollIntoView({ block: 'start' })
}

// The sticky or fixed bar over a point of the element, if any. A drawer or a backdrop over the
// text (taller than half the window) is no bar: it is about to close, and is looked through.
function coveringBar(element: HTMLElement, x: number, y: number): DOMRect | null {
  for (const hit of element.ownerDocument.elementsFromPoint(x, y)) {
    if (element.contains(hit)) return null
    for (let at: Element | null = hit; at && !at.contains(element); at = at.parentElement) {
      const { position } = getComputedStyle(at)
      if (position !== 'sticky' && position !== 'fixed') continue
      const rect = at.getBoundingClientRect()
      if (rect.height <= window.innerHeight / 2) return rect
      break
    }
  }
  return null
}
