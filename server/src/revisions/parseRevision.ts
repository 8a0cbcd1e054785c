import type { Node } from 'prosemirror-model'
import { parseNegotiatingText, type ImportWarning } from '../../../shared/domain/import'
import { MAX_TREATY_LINES, lineCount } from '../../../shared/domain/importText'

/** The formats a revised text is imported from. */
export const REVISION_FORMATS = ['plain', 'markdown'] as const
export type RevisionFormat = (typeof REVISION_FORMATS)[number]

/** Something the importer tolerated (an unbalanced bracket, an odd number), with its line. */
export type RevisionWarning = ImportWarning

/** A revised text read, or why not (too long, or its structure unreadable from a line on). */
export type ParsedRevision =
  | { ok: true; doc: Node; title: string; warnings: RevisionWarning[] }
  | { ok: false; reason: 'too-large'; lines: number; limit: number }
  | { ok: false; reason: 'malformed'; line: number; message: string }

/**
 * Reads a revised text with the negotiating-text importer (Markdown as the Paris drafts, or the
 * plain layout; by default chosen from the file name or the text), within the importer's line
 * limit, the bound on the work of one import.
 */
export function parseRevision(
  text: string,
  format: RevisionFormat | undefined,
  file?: string,
): ParsedRevision {
  const lines = lineCount(text)
  if (lines > MAX_TREATY_LINES) {
    return { ok: false, reason: 'too-large', lines, limit: MAX_TREATY_LINES }
  }
  const parsed = parseNegotiatingText(text, { format, file })
  if (!parsed.ok) {
    return {
      ok: false,
      reason: 'malformed',
      line: parsed.error.line,
      message: parsed.error.message,
    }
  }
  return { ok: true, doc: parsed.doc, title: parsed.title, warnings: parsed.warnings }
}
