import type { NodeType } from 'prosemirror-model'
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { canSplit } from 'prosemirror-transform'
import { treatySchema, type ClauseType } from '../../../../shared/schema'

const types = treatySchema.nodes

/** The clause types a clause becomes when demoted (Tab) or promoted (Shift-Tab). */
const DEMOTE: Partial<Record<ClauseType, ClauseType>> = {
  paragraph: 'subparagraph',
  numbered_paragraph: 'subparagraph',
  subparagraph: 'item',
}
const PROMOTE: Partial<Record<ClauseType, ClauseType>> = {
  item: 'subparagraph',
  subparagraph: 'numbered_paragraph',
}

const isClause = (type: NodeType) => type.spec.group === 'clause'

/** The clause textblocks touched by the selection, with their positions, all inside articles. */
function selectedClauses(state: EditorState): { pos: number; type: NodeType }[] | null {
  const { from, to, $from } = state.selection
  if ($from.depth < 1 || $from.node(1).type !== types.article) return null
  const found: { pos: number; type: NodeType }[] = []
  let outside = false
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true
    if (isClause(node.type)) found.push({ pos, type: node.type })
    else outside = true
    return false
  })
  return found.length > 0 && !outside ? found : null
}

/** Changes every selected clause to a clause type; false outside an article's clauses. */
export const setClauseType =
  (target: ClauseType): Command =>
  (state, dispatch) =>
    changeClauses(state, dispatch, () => target)

/** Tab: numbered or unnumbered paragraph → subparagraph → item. */
export const demoteClause: Command = (state, dispatch) =>
  changeClauses(state, dispatch, (type) => DEMOTE[type])

/** Shift-Tab: item → subparagraph → numbered paragraph. */
export const promoteClause: Command = (state, dispatch) =>
  changeClauses(state, dispatch, (type) => PROMOTE[type])

function changeClauses(
  state: EditorState,
  dispatch: ((tr: import('prosemirror-state').Transaction) => void) | undefined,
  next: (type: ClauseType) => ClauseType | undefined,
): boolean {
  const clauses = selectedClauses(state)
  if (!clauses) return false
  const changes = clauses
    .map(({ pos, type }) => ({ pos, from: type, to: next(type.name as ClauseType) }))
    .filter((c) => c.to !== undefined && c.to !== c.from.name)
  if (changes.length === 0) return false
  if (dispatch) {
    const tr = state.tr
    for (const { pos, to } of changes) tr.setNodeMarkup(pos, types[to as ClauseType])
    dispatch(tr.scrollIntoView())
  }
  return true
}

/** The type of the current clause, or null outside an article's clauses (for toolbar state). */
export function currentClauseType(state: EditorState): ClauseType | null {
  const { $from } = state.selection
  const type = $from.parent.type
  return isClause(type) && $from.depth >= 2 ? (type.name as ClauseType) : null
}

/**
 * Inserts an empty clause after the current block and puts the cursor in it: a numbered
 * paragraph in an article, an unnumbered one in the preamble.
 */
export const insertParagraph: Command = (state, dispatch) => {
  const { $from } = state.selection
  if ($from.depth < 2) return false
  const container = $from.node(1)
  const type =
    container.type === types.article
      ? types.numbered_paragraph!
      : container.type === types.preamble
        ? types.paragraph!
        : null
  if (!type) return false
  const after = $from.after(2)
  if (dispatch) {
    const tr = state.tr.insert(after, type.create())
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView())
  }
  return true
}

/**
 * Enter: splits a clause into two of the same type (so a run of subparagraphs continues); in
 * an article title it starts a numbered paragraph; in the treaty title it moves to the preamble.
 */
export const splitClause: Command = (state, dispatch) => {
  if (state.selection.$from.parent.type === types.title) {
    // The preamble's first paragraph, if the preamble follows with one (the server restores it).
    const next = state.doc.maybeChild(1)
    if (dispatch && next?.type === types.preamble && next.firstChild?.isTextblock) {
      const start = state.doc.child(0).nodeSize + 2
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, start)).scrollIntoView())
    }
    return true
  }
  const tr = state.tr
  if (!state.selection.empty) tr.deleteSelection()
  const { $from } = tr.selection
  const parent = $from.parent
  const type = parent.type === types.article_title ? types.numbered_paragraph! : parent.type
  if (!parent.isTextblock || !canSplit(tr.doc, $from.pos, 1, [{ type }])) return false
  if (dispatch) dispatch(tr.split($from.pos, 1, [{ type }]).scrollIntoView())
  return true
}
