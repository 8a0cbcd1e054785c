import { TextSelection, type Command } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { treatySchema } from '../../../../shared/schema'
import { articleAt, articlesStart, newArticleId } from '../articles'

const { article, article_title, numbered_paragraph } = treatySchema.nodes

// A new or moved article is what the user looks at next: bring its heading to the top, not
// just its cursor into view at the bottom edge.
function scrollArticleToTop(view: EditorView | undefined, pos: number) {
  // Without a view (a command run on a bare state) there is nothing to scroll.
  const dom = view?.nodeDOM(pos)
  if (dom && dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' })
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
  // Title and preamble come first; a new article goes right after them.
  const insertAt = current ? current.pos + current.node.nodeSize : articlesStart(state.doc)
  if (dispatch) {
    const tr = state.tr.insert(insertAt, emptyArticle())
    tr.setSelection(TextSelection.create(tr.doc, insertAt + 2))
    dispatch(tr)
    scrollArticleToTop(view, insertAt)
  }
  return true
}

/**
 * Moves the article holding the cursor one place up (-1) or down (+1); the cursor moves with it.
 *
 * Yjs has no move, and y-prosemirror writes a swap of two articles as a rewrite of both elements
 * in place: words typed meanwhile in the moved article would land in its neighbour, and two
 * concurrent moves could lose text. So the neighbour is copied to the other side and then its
 * original deleted, in separate transactions (separate Yjs updates): the moved article's
 * element, with whatever others type in it meanwhile, stays as it is. Words typed meanwhile in
 * the neighbour are lost with its original (tests/shared/structureConvergence.test.ts counts them).
 */
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
      const end = pos + node.nodeSize
      // The copy has an id of its own until its original is gone, so that no one, even between
      // the updates, sees two articles with one id. One change per transaction, so that
      // y-prosemirror writes each as what it is: an insert, a delete, an attribute.
      const at = direction < 0 ? end : pos
      const copy = neighbour.type.create(
        { ...neighbour.attrs, id: newArticleId() },
        neighbour.content,
      )
      const inserted = state.tr.insert(at, copy)
      dispatch(inserted)
      let next = view?.state ?? state.apply(inserted)
      const original = direction < 0 ? pos - neighbour.nodeSize : end + neighbour.nodeSize
      const deleted = next.tr.delete(original, original + neighbour.nodeSize)
      dispatch(deleted)
      next = view?.state ?? next.apply(deleted)
      const copyAt = deleted.mapping.map(at)
      dispatch(next.tr.setNodeAttribute(copyAt, 'id', neighbour.attrs.id))
      scrollArticleToTop(view, direction < 0 ? pos - neighbour.nodeSize : pos + neighbour.nodeSize)
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
