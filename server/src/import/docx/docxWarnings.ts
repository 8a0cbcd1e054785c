import type { ImportWarning } from '../../../../shared/domain/import'

/**
 * An import warning about a Word file: `line` is the line of the Markdown the file was read
 * into; `paragraph` is the Word paragraph (from 1) it came from, which is what a person finds.
 */
export type DocxImportWarning = ImportWarning & { paragraph?: number }

/** The warning with the Word paragraph of its Markdown line. */
export const withParagraph = (
  warning: ImportWarning,
  paragraphOfLine: readonly (number | undefined)[],
): DocxImportWarning => ({ ...warning, paragraph: paragraphOfLine[warning.line - 1] })

/** As the command line prints it: `file.docx, paragraph 12: warning: … — words around it`. */
export function formatDocxWarning(w: DocxImportWarning): string {
  const where = `${w.file || 'the Word file'}${w.paragraph ? `, paragraph ${w.paragraph}` : ''}`
  return `${where}: warning: ${w.message}${w.context ? ` — ${w.context}` : ''}`
}
