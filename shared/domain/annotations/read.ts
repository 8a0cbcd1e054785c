import type { Annotation, Reply } from './types'

// A notes room is written by browsers, so what it holds is checked on the way out, not trusted:
// a stored annotation (a Y.Map's toJSON(), or a published plain copy) becomes a typed value.

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const opt = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const record = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null

function replyFromJson(value: unknown): Reply | null {
  const r = record(value)
  if (!r || typeof r.id !== 'string') return null
  const reply: Reply = {
    id: r.id,
    authorAccountId: str(r.authorAccountId),
    authorName: str(r.authorName),
    body: r.deleted === true ? '' : str(r.body),
    createdAt: str(r.createdAt),
  }
  if (opt(r.editedAt)) reply.editedAt = opt(r.editedAt)
  if (r.deleted === true) reply.deleted = true
  return reply
}

/** A stored annotation as a typed value (its key is the fallback id), or null if it has no anchor. */
export function annotationFromJson(key: string, value: unknown): Annotation | null {
  const a = record(value)
  const anchor = record(a?.anchor)
  const articleId = str(a?.articleId)
  if (!a || !anchor || !articleId) return null
  const annotation: Annotation = {
    id: str(a.id) || key,
    groupId: str(a.groupId),
    articleId,
    anchor: { start: anchor.start, end: anchor.end, quote: str(anchor.quote) },
    body: str(a.body),
    tags: Array.isArray(a.tags) ? a.tags.filter((t): t is string => typeof t === 'string') : [],
    authorAccountId: str(a.authorAccountId),
    authorName: str(a.authorName),
    createdAt: str(a.createdAt),
    resolved: a.resolved === true,
    replies: Array.isArray(a.replies)
      ? a.replies.map(replyFromJson).filter((r): r is Reply => r !== null)
      : [],
  }
  for (const key of [
    'proposalId',
    'actorId',
    'updatedAt',
    'resolvedBy',
    'publishedAt',
    'publishedBy',
  ] as const) {
    const v = opt(a[key])
    if (v !== undefined) annotation[key] = v
  }
  return annotation
}

/** Every well-formed annotation of a notes room's map (as JSON), oldest first. */
export function annotationsFromJson(map: Record<string, unknown>): Annotation[] {
  return Object.entries(map)
    .map(([key, value]) => annotationFromJson(key, value))
    .filter((a): a is Annotation => a !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}
