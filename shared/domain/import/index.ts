import { parseMarkdownText } from './markdown'
import { parsePlainText } from './plain'
import type { ParseResult } from './result'

export type { ParseResult } from './result'
export type { ImportError, ImportWarning, ImportWarningKind } from './warnings'
export { formatWarning } from './warnings'

/** The layouts a negotiating text is imported from. */
export type TextFormat = 'markdown' | 'plain'

/** How to read a text: its layout (else chosen from the file name, else from the text), its file. */
export interface ParseOptions {
  format?: TextFormat
  /** The file's name, for warnings and to choose the layout by extension. */
  file?: string
}

/**
 * The layout of a text: by extension (.md, .markdown → Markdown; .txt → plain), else Markdown
 * when it opens with front matter or has a "## Article" or "## Preamble" heading, else plain.
 */
export function formatOf(text: string, file?: string): TextFormat {
  if (file && /\.(md|markdown)$/i.test(file)) return 'markdown'
  if (file && /\.txt$/i.test(file)) return 'plain'
  const head = text.replace(/^\uFEFF/, '')
  if (/^---\s*\r?\n/.test(head)) return 'markdown'
  if (/^ {0,3}#{1,6}\s+\[?\s*(Article|Preamble)\b/im.test(head)) return 'markdown'
  return 'plain'
}

/**
 * Reads a negotiating text as circulated — Markdown in the UN style of the Paris drafts, or the
 * plain layout — into a schema-valid document with its title and warnings (unbalanced brackets,
 * odd numbers, footnotes), or the line where reading stopped.
 */
export function parseNegotiatingText(text: string, options: ParseOptions = {}): ParseResult {
  const format = options.format ?? formatOf(text, options.file)
  return format === 'markdown'
    ? parseMarkdownText(text, options.file ?? '')
    : parsePlainText(text, { file: options.file, brackets: true })
}
