import type { Node } from 'prosemirror-model'
import { initProseMirrorDoc } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import {
  anchorPositions,
  classifyAnchor,
  makeAnchor,
  type AnchorPlacement,
  type TextBinding,
} from '../../shared/domain/annotations/anchors'
import {
  NOTES_ANNOTATIONS,
  type Annotation,
  type Reply,
} from '../../shared/domain/annotations/types'
import { resolveQuote } from '../../shared/domain/proposals/scenario'
import { treatySchema } from '../../shared/schema'
import type { Caller } from './api'

/** A text room's document bound to ProseMirror, as a browser's sync plugin binds it. */
export function bindText(ydoc: Y.Doc): { binding: TextBinding; doc: Node } {
  const type = ydoc.getXmlFragment(TEXT_FRAGMENT)
  const { doc, mapping } = initProseMirrorDoc(type, treatySchema)
  return { binding: { doc: ydoc, type, mapping }, doc }
}

/** An annotation anchor on `quote` (found once in the article) of a client's copy of the text. */
export function annotationAnchorOn(
  textDoc: Y.Doc,
  articleId: string,
  quote: string,
): Annotation['anchor'] {
  const { binding, doc } = bindText(textDoc)
  const range = resolveQuote(doc, articleId, quote)
  if (!range) throw new Error(`"${quote}" is not in ${articleId} once`)
  return makeAnchor(binding, doc, range.from, range.to)
}

/** Where an annotation anchor is in a client's copy of the text now. */
export function placementIn(textDoc: Y.Doc, anchor: Annotation['anchor']): AnchorPlacement {
  const { binding, doc } = bindText(textDoc)
  return classifyAnchor(doc, anchorPositions(binding, anchor), anchor.quote)
}

let seq = 0

/** Writes an annotation into a group's notes room as the client does (the room's layout). */
export function writeAnnotation(
  notes: Y.Doc,
  fields: Pick<Annotation, 'groupId' | 'articleId' | 'anchor' | 'body'> &
    Partial<Pick<Annotation, 'id' | 'tags' | 'authorAccountId' | 'authorName' | 'createdAt'>>,
): string {
  seq += 1
  const id = fields.id ?? `n-test-${seq}`
  notes.transact(() => {
    const map = new Y.Map<unknown>()
    const tags = new Y.Array<string>()
    tags.push(fields.tags ?? [])
    const values: Record<string, unknown> = {
      id,
      groupId: fields.groupId,
      articleId: fields.articleId,
      anchor: fields.anchor,
      body: fields.body,
      authorAccountId: fields.authorAccountId ?? 'acc-test',
      authorName: fields.authorName ?? 'Test',
      createdAt: fields.createdAt ?? new Date(Date.UTC(2008, 1, 18, 9, 0, seq)).toISOString(),
      resolved: false,
    }
    for (const [key, value] of Object.entries(values)) map.set(key, value)
    map.set('tags', tags)
    map.set('replies', new Y.Array<Reply>())
    notes.getMap(NOTES_ANNOTATIONS).set(id, map)
  })
  return id
}

/** Appends a reply to an annotation's thread in a notes room. */
export function writeReply(notes: Y.Doc, annotationId: string, reply: Omit<Reply, 'id'>): void {
  const map = notes.getMap(NOTES_ANNOTATIONS).get(annotationId)
  if (!(map instanceof Y.Map)) throw new Error(`no annotation ${annotationId}`)
  seq += 1
  ;(map.get('replies') as Y.Array<Reply>).push([{ id: `r-test-${seq}`, ...reply }])
}

/** The annotation ids of a notes room. */
export const noteIds = (notes: Y.Doc): string[] =>
  [...notes.getMap(NOTES_ANNOTATIONS).keys()].sort()

/** A GET of a download (CSV, Markdown): status, headers and the body as text. */
export async function download(
  url: string,
  caller: Caller,
  path: string,
): Promise<{ status: number; headers: Headers; text: string }> {
  const auth: Record<string, string> =
    caller === null ? {} : 'token' in caller ? { authorization: `Bearer ${caller.token}` } : caller
  const res = await fetch(`${url}${path}`, { headers: auth })
  return { status: res.status, headers: res.headers, text: await res.text() }
}
