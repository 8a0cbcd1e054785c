import type { Node } from 'prosemirror-model'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
} from 'y-prosemirror'
import * as Y from 'yjs'
import type { Annotation } from './types'

// Anchors of annotations, the same in the browser (through the sync plugin's binding) and on the
// server (through initProseMirrorDoc): made from a selection, resolved to positions after any
// edits, and classified as on its words or orphaned.

/** Where an annotation is now: on words of the text, or orphaned (its words were deleted). */
export type AnchorPlacement =
  { state: 'ok'; from: number; to: number; text: string } | { state: 'orphaned' }

/** An annotation with its placement in the current text. */
export interface PlacedAnnotation extends Annotation {
  placement: AnchorPlacement
}

/** A Yjs text room bound to a ProseMirror document: the sync plugin's binding, or the server's. */
export interface TextBinding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2]
}

/** The words between two positions as the UI and the exports show them. */
export const wordsBetween = (doc: Node, from: number, to: number): string =>
  doc.textBetween(from, to, '\n')

const WORD = /[\p{L}\p{N}]/u

/**
 * An anchor on the words between `from` and `to` of `doc` (the binding's current document):
 * the start holds to the first character's left side and the end to the last character's right
 * side, so text typed just before or just after the words stays outside them.
 */
export function makeAnchor(
  binding: TextBinding,
  doc: Node,
  from: number,
  to: number,
): Annotation['anchor'] {
  if (!(from < to)) throw new RangeError(`an anchor needs words: ${from}..${to}`)
  const relative = (pos: number) =>
    absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition
  let end = relative(to)
  if (doc.resolve(to).parentOffset > 0) {
    // The last character, associated to its left: what is typed after it stays after it.
    const last = relative(to - 1)
    end = new Y.RelativePosition(last.type, last.tname, last.item, -1)
  }
  return {
    start: Y.relativePositionToJSON(relative(from)),
    end: Y.relativePositionToJSON(end),
    quote: wordsBetween(doc, from, to),
  }
}

/** The absolute positions an anchor resolves to now; null for an end that no longer resolves. */
export function anchorPositions(
  binding: TextBinding,
  anchor: Annotation['anchor'],
): { from: number | null; to: number | null } {
  const at = (json: unknown): number | null => {
    try {
      const rel = Y.createRelativePositionFromJSON(json)
      return relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping)
    } catch {
      // A malformed anchor shows as an orphan rather than breaking the text for everyone.
      return null
    }
  }
  return { from: at(anchor.start), to: at(anchor.end) }
}

/**
 * Classifies an anchor from its resolved positions in `doc` and its quote: orphaned when the
 * range collapsed or none of its words is left (only spaces or punctuation); otherwise on its
 * words, edited or not, with the text it spans now.
 */
export function classifyAnchor(
  doc: Node,
  positions: { from: number | null; to: number | null },
  quote: string,
): AnchorPlacement {
  const { from, to } = positions
  if (from === null || to === null || !(from < to) || to > doc.content.size) {
    return { state: 'orphaned' }
  }
  const text = wordsBetween(doc, from, to)
  if (WORD.test(quote) && !WORD.test(text)) return { state: 'orphaned' }
  return { state: 'ok', from, to, text }
}

/** Places an annotation in the bound text: resolves its anchor and classifies it. */
export function placeAnnotation(
  binding: TextBinding,
  doc: Node,
  annotation: Annotation,
): PlacedAnnotation {
  const placement = classifyAnchor(
    doc,
    anchorPositions(binding, annotation.anchor),
    annotation.anchor.quote,
  )
  return { ...annotation, placement }
}
