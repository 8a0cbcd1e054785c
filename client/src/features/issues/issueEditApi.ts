import type { Issue } from '../../../../shared/domain/stances/types'
import { request } from '../../api'

const base = (negotiationId: string) =>
  `/api/negotiations/${encodeURIComponent(negotiationId)}/issues`

/** What the chair's issue form sends: every field, for a new issue and a change alike. */
export interface IssueFields {
  title: string
  parentId: string | null
  description: string
  articleIds: string[]
  bracketIds: string[]
  proposalIds: string[]
  source: string
  provenance: Issue['provenance']
}

/** Names a new issue (the chair and secretariat only; the server checks). */
export const createIssue = (negotiationId: string, fields: IssueFields) =>
  request<{ issue: Issue }>('POST', base(negotiationId), { body: fields }).then((r) => r.issue)

/** Changes an issue: what is sent replaces what was. */
export const editIssue = (negotiationId: string, issueId: string, fields: IssueFields) =>
  request<{ issue: Issue }>('PATCH', `${base(negotiationId)}/${encodeURIComponent(issueId)}`, {
    body: fields,
  }).then((r) => r.issue)
