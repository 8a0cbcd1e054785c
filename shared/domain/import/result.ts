import type { Node } from 'prosemirror-model'
import type { ImportError, ImportWarning } from './warnings'

/**
 * The outcome of reading a negotiating text: a schema-valid document with its title and what
 * was tolerated, or where reading stopped.
 */
export type ParseResult =
  | { ok: true; doc: Node; title: string; warnings: ImportWarning[] }
  | { ok: false; error: ImportError }
