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
  const x = box.left + Math.min(24, box.width / 2)
  let cover = element.ownerDocument.elementFromPoint(x, box.top + 1)
  while (cover && !element.contains(cover)) {
    const { position } = getComputedStyle(cover)
    if (position === 'sticky' || position === 'fixed') break
    cover = cover.parentElement
  }
  if (!cover || element.contains(cover)) return
  const bar = cover.getBoundingClientRect()
  // A drawer or a dialog over the text is no bar: it closes, the heading stays where it is.
  if (bar.height > window.innerHeight / 2) return
  const overlap = bar.bottom - box.top
  const margin = parseFloat(getComputedStyle(element).scrollMarginTop) || 0
  element.style.scrollMarginTop = `${Math.ceil(margin + overlap + 12)}px`
  element.scrollIntoView({ block: 'start' })
}
