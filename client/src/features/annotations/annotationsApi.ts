import { negotiationPath, request } from '../../api'

const notePath = (negotiationId: string, groupId: string, rest: string) =>
  negotiationPath(negotiationId, `/notes/${encodeURIComponent(groupId)}/annotations${rest}`)

/** Publishes one of the group's notes to every member of the negotiation. */
export const publishNote = (negotiationId: string, groupId: string, annotationId: string) =>
  request<unknown>(
    'POST',
    notePath(negotiationId, groupId, `/${encodeURIComponent(annotationId)}/publish`),
    { body: {} },
  )

/** Takes a published note back: only the group sees it again. */
export const unpublishNote = (negotiationId: string, groupId: string, annotationId: string) =>
  request<unknown>(
    'DELETE',
    notePath(negotiationId, groupId, `/${encodeURIComponent(annotationId)}/publish`),
  )

/** Where the group's notes download as CSV or Markdown, by article. */
export const exportUrl = (negotiationId: string, groupId: string, format: 'csv' | 'md'): string =>
  notePath(negotiationId, groupId, `.${format}`)
