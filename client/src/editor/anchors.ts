import type { EditorState } from 'prosemirror-state'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from 'y-prosemirror'
import * as Y from 'yjs'
import type { Anchor } from '../../../shared/domain/proposals'

/** What y-prosemirror's sync plugin keeps in its state: the binding of the doc to the fragment. */
interface SyncBinding {
  doc: Y.Doc
  type: Y.XmlFragment
  // y-prosemirror's own type: Y type → ProseMirror node, kept current with the view.
  mapping: Map<Y.AbstractType<unknown>, import('prosemirror-model').Node>
}

/** The live binding of an editor state to its Yjs fragment, or null before the view exists. */
export function bindingOf(state: EditorState): SyncBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: SyncBinding | null } | undefined
  return sync?.binding ?? null
}

/**
 * An anchor for the words between two positions of the text: Yjs relative positions (as JSON)
 * that follow the words through everyone's edits, and the words themselves.
 */
export function anchorFromRange(state: EditorState, from: number, to: number): Anchor | null {
  const binding = bindingOf(state)
  if (!binding || from >= to) return null
  const rel = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, binding.type, binding.mapping))
  return { start: rel(from), end: rel(to), quote: state.doc.textBetween(from, to, ' ') }
}

/** Where an anchor's words are now, or null when they were deleted (an orphan). */
export function resolveAnchor(
  state: EditorState,
  anchor: Anchor,
): { from: number; to: number } | null {
  const binding = bindingOf(state)
  if (!binding) return null
  const at = (json: unknown) => {
    try {
      const rel = Y.createRelativePositionFromJSON(json)
      return relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping)
    } catch {
      // A malformed anchor is shown as an orphan rather than breaking the text for everyone.
      return null
    }
  }
  const from = at(anchor.start)
  const to = at(anchor.end)
  if (from === null || to === null || from >= to || to > state.doc.content.size) return null
  return { from, to }
}
