import { Fragment } from 'prosemirror-model'
import { TextSelection, type Command } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { treatySchema } from '../../../../shared/schema'
import { articleAt, newArticleId } from '../articles'

const { article, article_title, numbered_paragraph } = treatySchema.nodes

// A new or moved article is what the user looks at next: bring its heading to the top, not
// just its cursor into view at the bottom edge.
function scrollArticleToTop(view: EditorView | undefined, pos: number) {
  const dom = view?.nodeDOM(pos)
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' })
}

/** An empty article with a fresh id, a title to type and one numbered paragraph. */
export const emptyArticle = () =>
  article!.create({ id: newArticleId() }, [article_title!.create(), numbered_paragraph!.create()])

/**
 * Inserts a new article after the one holding the cursor (or before the first article when the
 * cursor is in the title or preamble) and puts the cursor in its title.
 */
export const insertArticleAfter: Command = (state, dispatch, view) => {
  const current = articleAt(state)
  let insertAt: number
  if (current) {
    insertAt = current.pos + current.node.nodeSize
  } else {
    // Title and preamble come first; a new article goes right after the preamble.
    const preamble = state.doc.child(1)
    insertAt = state.doc.child(0).nodeSize + preamble.nodeSize
  }
  if (dispatch) {
    const tr = state.tr.insert(insertAt, emptyArticle())
    tr.setSelection(TextSelection.create(tr.doc, insertAt + 2))
    dispatch(tr)
    scrollArticleToTop(view, insertAt)
  }
  return true
}

/** Moves the article holding the cursor one place up (-1) or down (+1); the cursor moves with it. */
export const moveArticle =
  (direction: -1 | 1): Command =>
  (state, dispatch, view) => {
    const current = articleAt(state)
    if (!current) return false
    const neighbourIndex = current.index + direction
    const neighbour =
      neighbourIndex < state.doc.childCount ? state.doc.maybeChild(neighbourIndex) : null
    if (!neighbour || neighbour.type.name !== 'article') return false
    if (dispatch) {
      const { node, pos } = current
      const [first, second] = direction < 0 ? [node, neighbour] : [neighbour, node]
      const from = direction < 0 ? pos - neighbour.nodeSize : pos
      const to = from + node.nodeSize + neighbour.nodeSize
      const tr = state.tr.replaceWith(from, to, Fragment.from([first, second]))
      const newPos = direction < 0 ? from : from + neighbour.nodeSize
      const { anchor, head, from: selFrom, to: selTo } = state.selection
      // Keep the cursor at the same place in the moved article; a selection reaching outside
      // it cannot follow, so it collapses to the start of the title.
      const inside = selFrom > pos && selTo < pos + node.nodeSize
      const selection = inside
        ? TextSelection.create(tr.doc, newPos + (anchor - pos), newPos + (head - pos))
        : TextSelection.create(tr.doc, newPos + 2)
      tr.setSelection(selection)
      dispatch(tr)
      scrollArticleToTop(view, newPos)
    }
    return true
  }

/**
 * Deletes the article with a given id (the one the user confirmed, wherever concurrent edits
 * have moved it); the cursor goes to the article that took its place.
 */
export const deleteArticleWithId =
  (id: string): Command =>
  (state, dispatch) => {
    let target: { pos: number; size: number } | null = null
    state.doc.forEach((node, pos) => {
      if (!target && node.type === article && node.attrs.id === id)
        target = { pos, size: node.nodeSize }
    })
    if (!target) return false
    const { pos, size } = target
    if (dispatch) {
      const tr = state.tr.delete(pos, pos + size)
      const bias = pos < tr.doc.content.size ? 1 : -1
      tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size)), bias))
      dispatch(tr.scrollIntoView())
    }
    return true
  }
