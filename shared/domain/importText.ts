import type { Node } from 'prosemirror-model'

/** Where and why a plain-text treaty could not be imported. */
export interface ImportError {
  line: number
  expected: string
  found: string
  message: string
}

/** The outcome of parsing a plain-text treaty: a schema-valid document, or the first error. */
export type ImportResult = { ok: true; doc: Node; title: string } | { ok: false; error: ImportError }

/**
 * Parses a treaty in the plain-text layout of shared/data/ccm-2008.txt into a document of
 * `treatySchema`. Article ids are `art-1`, `art-2`, ... in the order of the file.
 */
export function parseTreatyText(_text: string): ImportResult {
  throw new Error('not implemented yet')
}
