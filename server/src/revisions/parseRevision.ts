import type { Node } from 'prosemirror-model'
import { MAX_TREATY_LINES, lineCount, parseTreatyText } from '../../../shared/domain/importText'

/** The formats a revised text is imported from. */
export const REVISION_FORMATS = ['plain', 'markdown'] as const
export type RevisionFormat = (typeof REVISION_FORMATS)[number]

/** Something the importer tolerated, with its line, as the preview lists it. */
export interface RevisionWarning {
  line: number
  message: string
  context: string
}

/** A revised text read, or why not (too long, or its structure unreadable from a line on). */
export type ParsedRevision =
  | { ok: true; doc: Node; title: string; warnings: RevisionWarning[] }
  | { ok: false; reason: 'too-large'; lines: number; limit: number }
  | { ok: false; reason: 'malformed'; line: number; message: string }

/**
 * Reads a revised text with the importer of its format, within the importer's line limit (the
 * bound on the work of one import).
 */
export function parseRevision(text: string, format: RevisionFormat): ParsedRevision {
  const lines = lineCount(text)
  if (lines > MAX_TREATY_LINES) {
    return { ok: false, reason: 'too-large', lines, limit: MAX_TREATY_LINES }
  }
  if (format === 'plain') {
    const parsed = parseTreatyText(text)
    if (!parsed.ok) {
      return {
        ok: false,
        reason: 'malformed',
        line: parsed.error.line,
        message: parsed.error.message,
      }
    }
    return { ok: true, doc: parsed.doc, title: parsed.title, warnings: [] }
  }
  return { ok: false, reason: 'malformed', line: 1, message: 'Markdown is not read yet.' }
}
