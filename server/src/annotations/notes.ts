import * as Y from 'yjs'
import { roomName } from '../../../shared/collab'
import { placeAnnotation, type PlacedAnnotation } from '../../../shared/domain/annotations/anchors'
import { annotationFromJson, annotationsFromJson } from '../../../shared/domain/annotations/read'
import { NOTES_ANNOTATIONS, type Annotation } from '../../../shared/domain/annotations/types'
import { outlineOf, type ArticleSummary } from '../../../shared/domain/numbering'
import { PUBLIC_NOTES, can, type Principal } from '../../../shared/domain/policy'
import { isDelegationOf } from '../../../shared/domain/groups'
import type { RoomRegistry } from '../collab/rooms'
import { delegationName } from '../groups/coalitions'
import { HttpError } from '../http/errors'
import { textView } from '../proposals/anchors'
import { commandOrigin, commitAtomically } from '../proposals/commit'
import type { Storage } from '../storage/Storage'

/** Who runs an annotation command, for which group of which negotiation. */
export interface NotesContext {
  storage: Storage
  registry: RoomRegistry
  principal: Principal
  /** The display name recorded as who published. */
  byName: string
  negotiationId: string
  groupId: string
}

/** The notes room of a group, or of published notes (`PUBLIC_NOTES`). */
export const notesRoom = (negotiationId: string, key: string): string =>
  roomName({ negotiationId, kind: 'notes', key })

/** The annotations of a notes room's document, read as typed values, oldest first. */
export const readNotes = (doc: Y.Doc): Annotation[] =>
  annotationsFromJson(doc.getMap(NOTES_ANNOTATIONS).toJSON())

/**
 * 403 unless the principal annotates for the group (its members, of a campaign group, a
 * coalition or a delegation): checked before anything about the group or its annotations is
 * looked at, so refusals say nothing about them.
 */
export function requireAnnotator(ctx: NotesContext): void {
  const decision = can(ctx.principal, { type: 'annotate', groupId: ctx.groupId })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
}

const notFound = (id: string) =>
  new HttpError(404, 'annotation_not_found', `No annotation "${id}" in this group's notes.`)

// One annotation of a notes room's map, whether a Y.Map (a group's) or a plain copy (published).
const entryOf = (doc: Y.Doc, id: string): Annotation | null => {
  const value = doc.getMap(NOTES_ANNOTATIONS).get(id)
  return annotationFromJson(id, value instanceof Y.Map ? value.toJSON() : value)
}

// Plain JSON values only: what a Y.Map holds as is, with no undefined fields.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

// Sets (or with `undefined`, removes) fields of a group's annotation, a Y.Map or a plain value.
function markGroupCopy(doc: Y.Doc, id: string, fields: Record<string, string | undefined>) {
  const map = doc.getMap(NOTES_ANNOTATIONS)
  const entry = map.get(id)
  if (entry instanceof Y.Map) {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) entry.delete(key)
      else entry.set(key, value)
    }
  } else if (entry && typeof entry === 'object') {
    map.set(id, plain({ ...(entry as object), ...fields }))
  }
}

/**
 * Publishes a group's annotation to every member: a plain copy in the public notes room
 * (without its reply thread, which is the group's conversation), marked with the group and who
 * published it; the group's copy records when and by whom. Publishing again refreshes the copy.
 */
export async function publishAnnotation(ctx: NotesContext, id: string): Promise<Annotation> {
  requireAnnotator(ctx)
  const names = [
    notesRoom(ctx.negotiationId, ctx.groupId),
    notesRoom(ctx.negotiationId, PUBLIC_NOTES),
  ]
  return ctx.registry.withRooms(names, async ([group, published]) => {
    if (!group || !published) throw new Error('rooms not held')
    const annotation = entryOf(group.doc, id)
    if (!annotation) throw notFound(id)
    const existing = entryOf(published.doc, id)
    if (existing && existing.groupId !== ctx.groupId) {
      throw new HttpError(
        409,
        'annotation_id_taken',
        'Another group published a note with this id.',
      )
    }
    const publishedAt = new Date().toISOString()
    const copy: Annotation = plain({
      ...annotation,
      groupId: ctx.groupId,
      replies: [],
      publishedAt,
      publishedBy: ctx.byName,
    })
    await commitAtomically(
      ctx.storage,
      commandOrigin('publish-annotation'),
      [
        { room: published, change: (doc) => doc.getMap(NOTES_ANNOTATIONS).set(id, copy) },
        {
          room: group,
          change: (doc) => markGroupCopy(doc, id, { publishedAt, publishedBy: ctx.byName }),
        },
      ],
      async () => {},
    )
    return copy
  })
}

/**
 * Takes a group's published annotation back: removes the public copy and the mark on the
 * group's copy. 404 when neither the group nor the public room holds it for this group.
 */
export async function unpublishAnnotation(ctx: NotesContext, id: string): Promise<void> {
  requireAnnotator(ctx)
  const names = [
    notesRoom(ctx.negotiationId, ctx.groupId),
    notesRoom(ctx.negotiationId, PUBLIC_NOTES),
  ]
  await ctx.registry.withRooms(names, async ([group, published]) => {
    if (!group || !published) throw new Error('rooms not held')
    const own = entryOf(group.doc, id)
    const copy = entryOf(published.doc, id)
    const ours = copy !== null && copy.groupId === ctx.groupId
    if (!own && !ours) throw notFound(id)
    const changes = []
    if (ours) {
      changes.push({
        room: published,
        change: (doc: Y.Doc) => doc.getMap(NOTES_ANNOTATIONS).delete(id),
      })
    }
    if (own?.publishedAt || own?.publishedBy) {
      changes.push({
        room: group,
        change: (doc: Y.Doc) =>
          markGroupCopy(doc, id, { publishedAt: undefined, publishedBy: undefined }),
      })
    }
    await commitAtomically(
      ctx.storage,
      commandOrigin('unpublish-annotation'),
      changes,
      async () => {},
    )
  })
}

/** What an export holds: the group's annotations placed in the live text, its articles, its name. */
export interface NotesExport {
  annotations: PlacedAnnotation[]
  articles: ArticleSummary[]
  groupName: string
}

// The name of a notes room's group: a stored group's own, a delegation's from its actor.
async function nameOfGroup(ctx: NotesContext): Promise<string> {
  const m = ctx.principal.membership
  if (m?.role === 'delegate' && isDelegationOf(ctx.groupId, m.actorId)) {
    return delegationName(m.actorId)
  }
  const group = await ctx.storage.members.getGroup(ctx.negotiationId, ctx.groupId)
  return group?.name ?? ctx.groupId
}

/** The group's annotations, each placed (on its words, or orphaned) in the text as it is now. */
export async function exportNotes(ctx: NotesContext): Promise<NotesExport> {
  // Refused as reading, which is what an export is, not as annotating.
  const decision = can(ctx.principal, { type: 'read-notes', groupId: ctx.groupId })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  const groupName = await nameOfGroup(ctx)
  const annotations = await ctx.registry.read(notesRoom(ctx.negotiationId, ctx.groupId), readNotes)
  const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
  return ctx.registry.read(text, (ydoc) => {
    const view = textView(ydoc)
    const binding = { doc: ydoc, type: view.fragment, mapping: view.mapping }
    return {
      annotations: annotations.map((a) => placeAnnotation(binding, view.doc, a)),
      articles: outlineOf(view.doc),
      groupName,
    }
  })
}
