import type { Node } from 'prosemirror-model'
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
} from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../../shared/collab'
import { rangeWithin, type DocRange } from '../../../shared/domain/proposals/incorporate'
import type { Anchor, Proposal } from '../../../shared/domain/proposals/types'
import { treatySchema } from '../../../shared/schema'

/** Whether a proposal's anchored words are still in the text. */
export type AnchorState = 'ok' | 'orphaned'

/** A ProseMirror view of a text room's document, and the mapping anchors resolve through. */
export interface TextView {
  ydoc: Y.Doc
  fragment: Y.XmlFragment
  doc: Node
  mapping: ReturnType<typeof initProseMirrorDoc>['mapping']
}

/** Reads a text room's document as ProseMirror sees it (no DOM needed). */
export function textView(ydoc: Y.Doc): TextView {
  const fragment = ydoc.getXmlFragment(TEXT_FRAGMENT)
  const { doc, mapping } = initProseMirrorDoc(fragment, treatySchema)
  return { ydoc, fragment, doc, mapping }
}

const words = (doc: Node, { from, to }: DocRange) => doc.textBetween(from, to, '\n')

/**
 * Anchors a range of the text: Yjs relative positions that keep to the words whatever is typed
 * around them. The start holds to the first word's right, the end to the last word's left, so
 * text typed just before or just after the range stays outside it; an insertion point
 * (from = to) is one position, kept before whatever is later typed there.
 */
export function makeAnchor(view: TextView, range: DocRange): Anchor {
  const relative = (pos: number) =>
    absolutePositionToRelativePosition(pos, view.fragment, view.mapping)
  const start = relative(range.from)
  let end = relative(range.to)
  if (range.to > range.from && view.doc.resolve(range.to).parentOffset > 0) {
    // The last character of the range, associated to its left: the end stays after it.
    const last = relative(range.to - 1)
    end = new Y.RelativePosition(last.type, last.tname, last.item, -1)
  }
  return {
    start: Y.relativePositionToJSON(start),
    end: Y.relativePositionToJSON(end),
    quote: words(view.doc, range),
  }
}

/** Where an anchor's words are now, or null if they are gone (deleted, or out of the article). */
export function resolveAnchor(
  view: TextView,
  anchor: Anchor,
  articleId: string | null,
): DocRange | null {
  const absolute = (json: unknown) => {
    try {
      const rel = Y.createRelativePositionFromJSON(json)
      return relativePositionToAbsolutePosition(view.ydoc, view.fragment, rel, view.mapping)
    } catch {
      return null
    }
  }
  const from = absolute(anchor.start)
  const to = absolute(anchor.end)
  if (from === null || to === null || from > to) return null
  // Words that were there and are all gone leave a collapsed range: an orphan, not a point.
  if (anchor.quote !== '' && from === to) return null
  if (articleId !== null && !rangeWithin(view.doc, articleId, from, to)) return null
  return { from, to }
}

/**
 * A proposal's anchor state and the words it spans now; null without an anchor, and once
 * incorporated (its words were replaced on purpose).
 */
export function anchorStatus(
  view: TextView,
  proposal: Pick<Proposal, 'anchor' | 'articleId' | 'status'>,
): { anchorState: AnchorState; anchorText: string | null } | null {
  if (!proposal.anchor || proposal.status === 'incorporated') return null
  const range = resolveAnchor(view, proposal.anchor, proposal.articleId)
  return range
    ? { anchorState: 'ok', anchorText: words(view.doc, range) }
    : { anchorState: 'orphaned', anchorText: null }
}
