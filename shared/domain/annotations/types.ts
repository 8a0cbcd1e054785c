import { z } from 'zod'

/** Tags every campaign group has; a group adds its own. */
export const STANDARD_TAGS = ['threat', 'counter-argument', 'lobbying', 'question'] as const

/** One reply in an annotation's thread. */
export interface Reply {
  id: string
  authorAccountId: string
  authorName: string
  body: string
  createdAt: string
  editedAt?: string
  /** A deleted reply keeps its place in the thread ("reply deleted"), never its words. */
  deleted?: boolean
}

/**
 * A campaigner's note on words of the text. It lives in the group's notes room
 * `<negotiation>/notes/<group>`: Y.Map 'annotations', id → Y.Map with these fields ('replies' a
 * Y.Array of Reply, 'tags' a Y.Array of strings, the rest plain values), so that concurrent
 * replies and edits of different fields merge. Published copies live in `<negotiation>/notes/public`,
 * written only by the server.
 */
export interface Annotation {
  id: string
  groupId: string
  articleId: string
  /** Yjs relative positions (Y.relativePositionToJSON) into the text room, and the words then. */
  anchor: { start: unknown; end: unknown; quote: string }
  /** Plain text with *emphasis*, **strong** and http(s) links; never rendered as HTML. */
  body: string
  tags: string[]
  /** Optional links to a proposal and/or an actor. */
  proposalId?: string
  actorId?: string
  authorAccountId: string
  authorName: string
  createdAt: string
  updatedAt?: string
  resolved: boolean
  resolvedBy?: string
  replies: Reply[]
  /** Set on the group's copy once published: when and by whom. */
  publishedAt?: string
  publishedBy?: string
}

/** Name of the notes room's map of annotations. */
export const NOTES_ANNOTATIONS = 'annotations'

/** Bounds on what one annotation may hold. */
export const AnnotationInputSchema = z.object({
  body: z.string().trim().min(1).max(5000),
  tags: z.array(z.string().trim().min(1).max(40)).max(12),
  proposalId: z.string().max(80).optional(),
  actorId: z.string().max(40).optional(),
})
/** What a campaigner writes when annotating. */
export type AnnotationInput = z.infer<typeof AnnotationInputSchema>
