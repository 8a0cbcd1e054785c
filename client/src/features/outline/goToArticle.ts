import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'

/** Scrolls an article to the top of the text and puts the cursor at the end of its title. */
export function goToArticle(view: EditorView, articleId: string): boolean {
  let target: { pos: number; titleSize: number } | null = null
  view.state.doc.forEach((node, pos) => {
    if (!target && node.type.name === 'article' && node.attrs.id === articleId) {
      target = { pos, titleSize: node.firstChild?.content.size ?? 0 }
    }
  })
  if (!target) return false
  const { pos, titleSize } = target
  // pos + 1 enters the article, + 1 more enters its title.
  const cursor = TextSelection.create(view.state.doc, pos + 2 + titleSize)
  view.dispatch(view.state.tr.setSelection(cursor))
  // ProseMirror focuses only an editable view; a reader's text is focusable (tabindex 0) too.
  if (view.editable) view.focus()
  else view.dom.focus({ preventScroll: true })
  const dom = view.nodeDOM(pos)
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' })
  return true
}
