import type { Report } from '../../../../shared/domain/report/types'
import { negotiationPath, request } from '../../api'

/** What the reader asked a report for: where it starts, and its filters. */
export interface ReportRequest {
  /** An ISO time, "last-visit", or "round:<id>". */
  since: string
  articles: string[]
  actors: string[]
}

const query = (r: ReportRequest) => {
  const q = new URLSearchParams({ since: r.since })
  if (r.articles.length > 0) q.set('articles', r.articles.join(','))
  if (r.actors.length > 0) q.set('actors', r.actors.join(','))
  return q.toString()
}

/** The report as the signed-in reader may read it, and their visit before this one. */
export const getReport = (negotiationId: string, r: ReportRequest, signal?: AbortSignal) =>
  request<{ report: Report; previousVisit: string | null }>(
    'GET',
    negotiationPath(negotiationId, `/report?${query(r)}`),
    { signal },
  )

/** The address of the report's Word file or print page; "last-visit" is given as the time it resolved to. */
export const reportFileHref = (
  negotiationId: string,
  r: ReportRequest,
  report: Report,
  ext: 'docx' | 'html',
): string =>
  negotiationPath(
    negotiationId,
    `/report.${ext}?${query({ ...r, since: r.since === 'last-visit' ? report.since.at : r.since })}`,
  )
