import * as Y from 'yjs'
import { annotationsFromJson } from '../../../../shared/domain/annotations/read'
import {
  NOTES_ANNOTATIONS,
  type Annotation,
  type AnnotationInput,
  type Reply,
} from '../../../../shared/domain/annotations/types'

/** Who writes: the signed-in account, as the thread names it. */
export interface Author {
  accountId: string
  name: string
}

/** The annotations map of a notes room (group or public). */
export const annotationsMap = (ydoc: Y.Doc): Y.Map<unknown> => ydoc.getMap(NOTES_ANNOTATIONS)

/** Every annotation of a notes room (Y.Maps, or a copy's plain values), oldest first. */
export const readAnnotations = (ydoc: Y.Doc): Annotation[] =>
  annotationsFromJson(annotationsMap(ydoc).toJSON())

/** A fresh id for an annotation or a reply. */
export function newNoteId(prefix: 'n' | 'r'): string {
  // getRandomValues, unlike randomUUID, works on a plain-http intranet too.
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return `${prefix}-${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`
}

const now = () => new Date().toISOString()

// The Y.Map of one annotation, or null when someone deleted it meanwhile.
const entry = (ydoc: Y.Doc, id: string): Y.Map<unknown> | null => {
  const value = annotationsMap(ydoc).get(id)
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null
}

const setOptional = (map: Y.Map<unknown>, key: string, value: string | undefined) => {
  if (value) map.set(key, value)
  else map.delete(key)
}

/** Writes a new annotation into the group's notes room; answers its id. */
export function addAnnotation(
  ydoc: Y.Doc,
  fields: {
    groupId: string
    articleId: string
    anchor: Annotation['anchor']
    input: AnnotationInput
    author: Author
  },
): string {
  const id = newNoteId('n')
  ydoc.transact(() => {
    const map = new Y.Map<unknown>()
    const { input, author } = fields
    map.set('id', id)
    map.set('groupId', fields.groupId)
    map.set('articleId', fields.articleId)
    map.set('anchor', fields.anchor)
    map.set('body', input.body)
    const tags = new Y.Array<string>()
    tags.push(input.tags)
    map.set('tags', tags)
    setOptional(map, 'proposalId', input.proposalId)
    setOptional(map, 'actorId', input.actorId)
    map.set('authorAccountId', author.accountId)
    map.set('authorName', author.name)
    map.set('createdAt', now())
    map.set('resolved', false)
    map.set('replies', new Y.Array<Reply>())
    annotationsMap(ydoc).set(id, map)
  })
  return id
}

/** Changes an annotation's body, tags and links (its author's edit). */
export function editAnnotation(ydoc: Y.Doc, id: string, input: AnnotationInput): void {
  ydoc.transact(() => {
    const map = entry(ydoc, id)
    if (!map) return
    map.set('body', input.body)
    const tags = map.get('tags')
    // Only the difference, so that a tag someone else added meanwhile survives.
    if (tags instanceof Y.Array) {
      const current = tags.toArray() as string[]
      for (let i = current.length - 1; i >= 0; i--) {
        if (!input.tags.includes(current[i] ?? '')) tags.delete(i, 1)
      }
      tags.push(input.tags.filter((t) => !current.includes(t)))
    } else {
      const fresh = new Y.Array<string>()
      fresh.push(input.tags)
      map.set('tags', fresh)
    }
    setOptional(map, 'proposalId', input.proposalId)
    setOptional(map, 'actorId', input.actorId)
    map.set('updatedAt', now())
  })
}

/** Removes an annotation and its thread from the group's room. */
export function deleteAnnotation(ydoc: Y.Doc, id: string): void {
  annotationsMap(ydoc).delete(id)
}

/** Resolves or reopens an annotation. */
export function setResolved(ydoc: Y.Doc, id: string, resolved: boolean, by: Author): void {
  ydoc.transact(() => {
    const map = entry(ydoc, id)
    if (!map) return
    map.set('resolved', resolved)
    setOptional(map, 'resolvedBy', resolved ? by.name : undefined)
  })
}

// The replies array of an annotation, created if a hand-made entry lacks it.
const repliesOf = (map: Y.Map<unknown>): Y.Array<Reply> => {
  const replies = map.get('replies')
  if (replies instanceof Y.Array) return replies as Y.Array<Reply>
  const fresh = new Y.Array<Reply>()
  map.set('replies', fresh)
  return fresh
}

/** Adds a reply at the end of an annotation's thread. */
export function addReply(ydoc: Y.Doc, annotationId: string, body: string, author: Author): void {
  ydoc.transact(() => {
    const map = entry(ydoc, annotationId)
    if (!map) return
    repliesOf(map).push([
      {
        id: newNoteId('r'),
        authorAccountId: author.accountId,
        authorName: author.name,
        body,
        createdAt: now(),
      },
    ])
  })
}

// Replaces one reply in place (replies are plain values inside the Y.Array).
function changeReply(
  ydoc: Y.Doc,
  annotationId: string,
  replyId: string,
  change: (r: Reply) => Reply,
) {
  ydoc.transact(() => {
    const map = entry(ydoc, annotationId)
    if (!map) return
    const replies = repliesOf(map)
    const at = replies.toArray().findIndex((r) => r.id === replyId)
    const reply = replies.get(at)
    if (at < 0 || !reply) return
    replies.delete(at, 1)
    replies.insert(at, [change(reply)])
  })
}

/** Changes the words of a reply (its author's edit). */
export const editReply = (ydoc: Y.Doc, annotationId: string, replyId: string, body: string) =>
  changeReply(ydoc, annotationId, replyId, (r) => ({ ...r, body, editedAt: now() }))

/** Deletes a reply's words; its place in the thread stays ("reply deleted"). */
export const deleteReply = (ydoc: Y.Doc, annotationId: string, replyId: string) =>
  changeReply(ydoc, annotationId, replyId, (r) => ({ ...r, body: '', deleted: true }))
