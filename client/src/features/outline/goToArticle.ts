import { Selection, TextSelection } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'

/** Scrolls an article to the top of the text and puts the cursor at the end of its title. */
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
  // ProseMirror focuses only an editable view; a reader's text is focusable (tabindex 0) too.
  if (view.editable) view.focus()
  else view.dom.focus({ preventScroll: true })
  const dom = view.nodeDOM(pos)
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' })
  return true
}
