import type { Node } from 'prosemirror-model'
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  yXmlFragmentToProseMirrorRootNode,
} from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { resolveQuote } from '../../shared/domain/proposals/scenario'
import type { Anchor } from '../../shared/domain/proposals/types'
import { treatySchema } from '../../shared/schema'
import { wordingSchema } from '../../shared/schema/wordingSchema'
import { call, type ApiAnswer } from './api'
import type { Session } from './startServer'

/** Calls the REST API of a test server as a signed-in session (or nobody). */
export const apiAs =
  (url: string) =>
  (session: Session | null, method: string, path: string, body?: unknown): Promise<ApiAnswer> =>
    call(url, session, method, `/api/negotiations/ccm${path}`, body)

/** An anchor on `quote` in an article, made by a client as a browser would from a selection. */
export function anchorOn(ydoc: Y.Doc, articleId: string, quote: string): Anchor {
  const fragment = ydoc.getXmlFragment(TEXT_FRAGMENT)
  const { doc, mapping } = initProseMirrorDoc(fragment, treatySchema)
  const range = resolveQuote(doc, articleId, quote)
  if (!range) throw new Error(`"${quote}" is not in ${articleId} once`)
  const rel = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, fragment, mapping))
  return { start: rel(range.from), end: rel(range.to), quote }
}

/** The words an anchor spans in a client's copy of the text now, or null if it does not resolve. */
export function anchoredWords(ydoc: Y.Doc, anchor: Anchor): string | null {
  const fragment = ydoc.getXmlFragment(TEXT_FRAGMENT)
  const { doc, mapping } = initProseMirrorDoc(fragment, treatySchema)
  const abs = (json: unknown) =>
    relativePositionToAbsolutePosition(
      ydoc,
      fragment,
      Y.createRelativePositionFromJSON(json),
      mapping,
    )
  const [from, to] = [abs(anchor.start), abs(anchor.end)]
  if (from === null || to === null || from > to) return null
  return doc.textBetween(from, to, '\n')
}

/** A draft room's wording as ProseMirror reads it. */
export const wordingOf = (ydoc: Y.Doc): Node =>
  yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), wordingSchema)

/** The text of the XmlText of block `index` of a room's fragment (a draft's clause). */
export function blockText(ydoc: Y.Doc, index: number): Y.XmlText {
  const block = ydoc.getXmlFragment(TEXT_FRAGMENT).get(index)
  const text = block instanceof Y.XmlElement ? block.get(0) : undefined
  if (!(text instanceof Y.XmlText)) throw new Error(`no text in block ${index}`)
  return text
}

/** The plain text of the article with this id in a ProseMirror treaty document. */
export function articleText(doc: Node, articleId: string): string {
  let text = ''
  doc.forEach((node) => {
    if (node.type.name === 'article' && node.attrs.id === articleId) {
      text = node.textBetween(0, node.content.size, '\n')
    }
  })
  return text
}
