import type { ImportWarning } from '../../../../shared/domain/import/warnings'
import type { RevisionPreview as SharedPreview } from '../../../../shared/domain/matchArticles'
import { negotiationPath, request } from '../../api'

/** A revised text as the chair sends it, and the round it opens. */
export interface RevisionRequest {
  text?: string
  /** A Word file (.docx), in base64, instead of `text`. */
  docx?: string
  /** The file's name (its extension says Markdown or plain), if it came from a file. */
  file?: string
  round?: { name?: string; startDate?: string }
}

/** The proposed matching of a revised text, before anything changes. */
export type RevisionPreview = SharedPreview<ImportWarning>

/** What an import did, as the log says it. */
export interface RevisionImported {
  summary: string
  closedRound: string | null
}

const path = (negotiationId: string) => negotiationPath(negotiationId, '/rounds/import-revision')

/** Reads a revised text and proposes which current article each of its articles continues. */
export const previewRevision = async (negotiationId: string, revision: RevisionRequest) =>
  (await request<{ preview: RevisionPreview }>('POST', path(negotiationId), { body: revision }))
    .preview

/**
 * Imports the revised text as the next round's, with the chair's answers (revised article index
 * → the current article's id, or null for a new article).
 */
export const applyRevision = async (
  negotiationId: string,
  revision: RevisionRequest,
  confirm: Record<number, string | null>,
) =>
  (
    await request<{ imported: RevisionImported }>('POST', path(negotiationId), {
      body: { ...revision, confirm },
    })
  ).imported
