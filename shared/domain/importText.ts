import type { Node } from 'prosemirror-model'
import { parsePlainText } from './import/plain'
import type { ImportError } from './import/warnings'

export type { ImportError } from './import/warnings'

/** The outcome of parsing a plain-text treaty: a schema-valid document, or where it stopped. */
export type ImportResult =
  { ok: true; doc: Node; title: string } | { ok: false; error: ImportError }

// Ten times the longest treaties (UNCLOS has a few thousand lines); past about 100,000 clauses in
// one article converting the document to Yjs exhausts the stack, and the import blocks the server
// for about 15 µs a line.
/** The most lines a treaty text may have to be imported. */
export const MAX_TREATY_LINES = 20_000

/** How many lines a text has, counted without splitting it. */
export function lineCount(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

/**
 * Parses a treaty in the plain-text layout of fixtures/ccm-2008.txt (see import/plain.ts), with
 * square brackets kept as characters: the reader of the demo's fixtures. Numbers out of sequence
 * are tolerated; parseNegotiatingText (import/index.ts) also reports them.
 */
export function parseTreatyText(text: string): ImportResult {
  const result = parsePlainText(text)
  return result.ok ? { ok: true, doc: result.doc, title: result.title } : result
}
