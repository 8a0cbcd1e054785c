import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../../shared/collab'
import { wordingSchema } from '../../../shared/schema/wordingSchema'

/** A tabled proposal's wording: ProseMirror JSON of a wording document, and its plain text. */
export interface WordingSnapshot {
  json: unknown
  text: string
}

/**
 * The wording a draft starts from: the given text (the wording typed when proposing, else the
 * anchored words, so that the sponsors edit rather than retype) as one clause per line, else one
 * empty clause, with an empty title for a new article.
 */
export function startingWording(text: string | null, newArticle: boolean): Node {
  const s = wordingSchema
  const lines = (text ?? '').split('\n').filter((l) => l.trim() !== '')
  const clauses = lines.length
    ? lines.map((l) => s.node('paragraph', null, [s.text(l)]))
    : [s.node('paragraph')]
  const doc = s.node('doc', null, [...(newArticle ? [s.node('article_title')] : []), ...clauses])
  doc.check()
  return doc
}

/** The first Yjs update of a draft room holding `wording`. */
export function wordingUpdate(wording: Node): Uint8Array {
  const ydoc = new Y.Doc()
  try {
    prosemirrorToYXmlFragment(wording, ydoc.getXmlFragment(TEXT_FRAGMENT))
    return Y.encodeStateAsUpdate(ydoc)
  } finally {
    ydoc.destroy()
  }
}

/** A draft room's wording as it is now, or null if it is not a valid wording document. */
export function snapshotWording(ydoc: Y.Doc): WordingSnapshot | null {
  const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), wordingSchema)
  try {
    doc.check()
  } catch {
    return null
  }
  return { json: doc.toJSON(), text: wordingText(doc) }
}

/** The plain text of a wording document, a line per block. */
export const wordingText = (doc: Node): string => doc.textBetween(0, doc.content.size, '\n')
