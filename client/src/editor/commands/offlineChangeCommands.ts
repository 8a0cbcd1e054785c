import type { Node } from 'prosemirror-model'
import type { EditorState, Transaction } from 'prosemirror-state'
import { applyOfflineChange, type OfflineChange } from '../../../../shared/domain/offlineChanges'

/**
 * A transaction that applies one offline change (issue 14) to the editor's text, giving the
 * document `applyOfflineChange` gives, or null when that refuses. Only the affected top-level
 * node is touched: a changed part's content is replaced inside it (its attributes set when they
 * differ), an added or deleted article inserted or deleted alone, so that positions elsewhere
 * map through and y-prosemirror writes no more than the part.
 */
export function applyOfflineChangeTr(
  state: EditorState,
  change: OfflineChange,
): Transaction | null {
  const result = applyOfflineChange(state.doc, change)
  if (!result.ok) return null
  const before = state.doc
  const after = result.doc
  // The children both documents share at the start and at the end (the same nodes, or equal).
  let head = 0
  while (
    head < before.childCount &&
    head < after.childCount &&
    same(before.child(head), after.child(head))
  ) {
    head++
  }
  let tail = 0
  while (
    tail < before.childCount - head &&
    tail < after.childCount - head &&
    same(before.child(before.childCount - 1 - tail), after.child(after.childCount - 1 - tail))
  ) {
    tail++
  }
  const tr = state.tr
  if (head === before.childCount && head === after.childCount) return tr
  const from = offsetOf(before, head)
  const to = offsetOf(before, before.childCount - tail)
  const removed = before.childCount - tail - head
  const added = after.childCount - tail - head
  const old = removed === 1 ? before.child(head) : null
  const next = added === 1 ? after.child(head) : null
  if (old && next && old.type === next.type) {
    // The same part reworded: its content inside it, so the node (and an article's element in
    // the shared document) stays where it is.
    tr.replaceWith(from + 1, to - 1, next.content)
    if (!sameAttrs(old, next)) tr.setNodeMarkup(from, undefined, next.attrs)
  } else {
    const nodes: Node[] = []
    for (let i = head; i < after.childCount - tail; i++) nodes.push(after.child(i))
    tr.replaceWith(from, to, nodes)
  }
  return tr
}

const same = (a: Node, b: Node): boolean => a === b || a.eq(b)

const sameAttrs = (a: Node, b: Node): boolean =>
  Object.keys(b.attrs).every((k) => a.attrs[k] === b.attrs[k])

// The position before the doc's `index`-th child (its content size when past the last).
function offsetOf(doc: Node, index: number): number {
  let pos = 0
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
  return pos
}
