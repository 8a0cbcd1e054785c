import type { RequestHandler } from 'express'
import { z } from 'zod'
import { readBytesUpTo, tooLarge } from '../http/bodies'
import { HttpError } from '../http/errors'
import { withParagraph, type DocxImportWarning } from '../import/docx/docxWarnings'
import { importNegotiation } from '../negotiations/importNegotiation'
import type { Storage } from '../storage/Storage'
import { MAX_WARNINGS_SHOWN, importRefused, negotiationJson } from './negotiations'

/** The media type of a .docx. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The largest Word file imported: the admin's JSON import's limit. */
export const DOCX_BODY_LIMIT = 64 * 1024 * 1024

const Query = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  id: z.string().optional(),
  file: z.string().trim().min(1).max(255).optional(),
})

/**
 * POST /api/negotiations/import.docx?name=&id=&file=, for administrators (mounted after the admin
 * check, before any JSON parser): the body is the Word file itself. The file is read into the
 * Markdown the Markdown importer reads, then imported as POST /api/negotiations/import imports
 * Markdown. Answers 201 with the negotiation, the import's warnings (each naming its Word
 * paragraph) and `docxWarnings`, what the Word file held that the import does not keep.
 */
export function importDocxRoute(storage: Storage): RequestHandler {
  return async (req, res) => {
    if (!req.is(DOCX_TYPE) && !req.is('application/octet-stream')) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        `Send the Word file itself as ${DOCX_TYPE}.`,
      )
    }
    const encoding = req.headers['content-encoding'] ?? 'identity'
    if (encoding !== 'identity') {
      throw new HttpError(415, 'unsupported_encoding', `Send the body without ${encoding}.`)
    }
    const query = Query.safeParse(req.query)
    if (!query.success) {
      const issue = query.error.issues[0]
      throw new HttpError(400, 'invalid_request', `${issue?.path.join('.')}: ${issue?.message}`)
    }
    if (Number(req.headers['content-length'] ?? 0) > DOCX_BODY_LIMIT) {
      throw tooLarge(DOCX_BODY_LIMIT)
    }
    const bytes = await readBytesUpTo(req, DOCX_BODY_LIMIT)
    // Word reading (mammoth, jszip) loads on the first import, not with the server.
    const { docxToMarkdown } = await import('../import/docx/docxToMarkdown')
    const read = await docxToMarkdown(bytes)
    if (!read.ok) {
      throw new HttpError(
        read.error.code === 'docx_too_large' ? 413 : 400,
        read.error.code,
        read.error.message,
      )
    }
    const paragraphOf = (line: number) => read.paragraphOfLine[line - 1]
    const { name, id, file } = query.data
    const result = await importNegotiation(storage, {
      text: read.markdown,
      format: 'markdown',
      file: file ?? 'document.docx',
      name,
      id,
    })
    if (result.ok) {
      const warnings: DocxImportWarning[] = result.warnings
        .slice(0, MAX_WARNINGS_SHOWN)
        .map((w) => withParagraph(w, read.paragraphOfLine))
      res.status(201).json({
        negotiation: negotiationJson(result.negotiation, []),
        warnings,
        warningCount: result.warnings.length,
        docxWarnings: read.warnings,
      })
      return
    }
    if (result.reason === 'malformed') {
      const { line, expected, found } = result.error
      const paragraph = paragraphOf(line)
      const where = paragraph ? `Paragraph ${paragraph} of the Word file` : 'The Word file'
      throw new HttpError(
        400,
        'malformed_treaty',
        `${where} cannot be read as a negotiating text: expected ${expected}, found "${found}".`,
        { paragraph, expected, found },
      )
    }
    throw importRefused(result)
  }
}
