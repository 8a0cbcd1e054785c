import { prosemirrorToYXmlFragment } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT, isValidSegment, roomName } from '../../../shared/collab'
import {
  parseNegotiatingText,
  type ImportError,
  type ImportWarning,
  type TextFormat,
} from '../../../shared/domain/import'
import { MAX_TREATY_LINES, lineCount } from '../../../shared/domain/importText'
import type { Round } from '../../../shared/domain/rounds'
import type { InitialRoom, Negotiation, Storage } from '../storage/Storage'
import { freeSlug, slugify } from './slug'

/** What to import: the treaty text, and optionally a display name and an id. */
export interface ImportRequest {
  text: string
  /** Its layout; else chosen from `file`'s extension, else from the text itself. */
  format?: TextFormat
  /** The file's name, for warnings and the layout. */
  file?: string
  name?: string
  id?: string
  /** The negotiation's rounds, in order. */
  rounds?: Round[]
}

/** The outcome of an import: the new negotiation with what was tolerated, or why nothing was created. */
export type ImportNegotiationResult =
  | { ok: true; negotiation: Negotiation; warnings: ImportWarning[] }
  | { ok: false; reason: 'malformed'; error: ImportError }
  | { ok: false; reason: 'bad-id' | 'id-taken'; id: string }
  | { ok: false; reason: 'too-large'; lines: number; limit: number }

/** An import checked and encoded, ready to store: the negotiation, its rooms' first state, rounds. */
export interface PreparedImport {
  negotiation: { id: string; name: string }
  rooms: InitialRoom[]
  rounds?: Round[]
  /** What the reader tolerated: unbalanced brackets, odd numbers, footnotes. */
  warnings: ImportWarning[]
}

/** Parses and encodes an import without storing anything, or says why it cannot be imported. */
export async function prepareImport(
  storage: Storage,
  request: ImportRequest,
): Promise<
  { ok: true; prepared: PreparedImport } | Exclude<ImportNegotiationResult, { ok: true }>
> {
  const lines = lineCount(request.text)
  if (lines > MAX_TREATY_LINES) {
    return { ok: false, reason: 'too-large', lines, limit: MAX_TREATY_LINES }
  }
  const parsed = parseNegotiatingText(request.text, { format: request.format, file: request.file })
  if (!parsed.ok) return { ok: false, reason: 'malformed', error: parsed.error }
  if (request.id !== undefined && !isValidSegment(request.id)) {
    return { ok: false, reason: 'bad-id', id: request.id }
  }
  // Validate against the schema once more before anything is stored.
  parsed.doc.check()
  const name = request.name?.trim() || parsed.title
  const id =
    request.id ??
    (await freeSlug(
      slugify(name),
      async (candidate) => !!(await storage.getNegotiation(candidate)),
    ))
  const rooms = [
    { room: roomName({ negotiationId: id, kind: 'text' }), update: encodeText(parsed.doc) },
  ]
  return {
    ok: true,
    prepared: {
      negotiation: { id, name },
      rooms,
      rounds: request.rounds,
      warnings: parsed.warnings,
    },
  }
}

/**
 * Imports a negotiating text (Markdown or the plain layout) as a new negotiation whose text room
 * holds the document. The negotiation row and the room's first update are stored together or not
 * at all.
 */
export async function importNegotiation(
  storage: Storage,
  request: ImportRequest,
): Promise<ImportNegotiationResult> {
  const result = await prepareImport(storage, request)
  if (!result.ok) return result
  const { negotiation, rooms, rounds, warnings } = result.prepared
  const created = await storage.createNegotiation(negotiation, rooms, rounds)
  return created.ok
    ? { ...created, warnings }
    : { ok: false, reason: 'id-taken', id: negotiation.id }
}

// The Yjs state of a text room holding `doc`, exactly as y-prosemirror clients will read it.
function encodeText(doc: Parameters<typeof prosemirrorToYXmlFragment>[0]): Uint8Array {
  const ydoc = new Y.Doc()
  try {
    prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(TEXT_FRAGMENT))
    return Y.encodeStateAsUpdate(ydoc)
  } finally {
    ydoc.destroy()
  }
}
