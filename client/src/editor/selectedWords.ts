import type { EditorView } from 'prosemirror-view'

/** Words chosen in one article's body, or why the selection cannot be proposed on. */
export type SelectedWords =
  { ok: true; from: number; to: number; articleId: string } | { ok: false; reason: string }

// A read-only view may not have told ProseMirror about a selection the mouse made just now.
function domRange(view: EditorView): { from: number; to: number } | null {
  const selection = view.dom.ownerDocument.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) {
    return null
  }
  try {
    const from = view.posAtDOM(range.startContainer, range.startOffset)
    const to = view.posAtDOM(range.endContainer, range.endOffset)
    return from < to ? { from, to } : null
  } catch {
    return null
  }
}

/** The words selected in the text, if they lie in the clauses of a single article. */
export function selectedWords(view: EditorView): SelectedWords {
  const { selection, doc } = view.state
  const range = selection.empty ? domRange(view) : { from: selection.from, to: selection.to }
  if (!range) return { ok: false, reason: 'Select the words of an article you want to amend.' }
  const $from = doc.resolve(range.from)
  const $to = doc.resolve(range.to)
  const article = $from.depth >= 1 ? $from.node(1) : null
  if (!article || article.type.name !== 'article' || $to.depth < 1 || $to.node(1) !== article) {
    return { ok: false, reason: 'Select words within one article.' }
  }
  const inClause = (depth: number, parent: string) => depth >= 2 && parent !== 'article_title'
  if (
    !inClause($from.depth, $from.parent.type.name) ||
    !inClause($to.depth, $to.parent.type.name)
  ) {
    return { ok: false, reason: 'Select words of the article’s paragraphs, not its title.' }
  }
  return { ok: true, from: range.from, to: range.to, articleId: String(article.attrs.id) }
}
