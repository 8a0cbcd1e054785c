import type {
  Issue,
  Paper,
  PaperInput,
  Statement,
  StatementInput,
} from '../../../../shared/domain/stances/types'
import { request } from '../../api'

const base = (negotiationId: string) => `/api/negotiations/${encodeURIComponent(negotiationId)}`
const seg = encodeURIComponent

/** The negotiation's issues (for the text page's links). */
export const listIssues = (negotiationId: string, signal?: AbortSignal) =>
  request<{ issues: Issue[] }>('GET', `${base(negotiationId)}/issues`, { signal }).then(
    (r) => r.issues,
  )

/** Records a statement into a record (the server checks who may write it). */
export const recordStatement = (negotiationId: string, input: StatementInput) =>
  request<{ statement: Statement }>('POST', `${base(negotiationId)}/statements`, {
    body: input,
  }).then((r) => r.statement)

/** Publishes one of a group's private entries to everyone. */
export const publishStatement = (negotiationId: string, statementId: string) =>
  request<{ statement: Statement }>(
    'POST',
    `${base(negotiationId)}/statements/${seg(statementId)}/publish`,
  ).then((r) => r.statement)

/** The briefing papers on an issue the reader may read. */
export const listPapers = (negotiationId: string, issueId: string, signal?: AbortSignal) =>
  request<{ papers: Paper[] }>('GET', `${base(negotiationId)}/issues/${seg(issueId)}/papers`, {
    signal,
  }).then((r) => r.papers)

/** Adds a paper on an issue: the secretariat's, or a group's (private until published). */
export const addPaper = (negotiationId: string, issueId: string, input: PaperInput) =>
  request<{ paper: Paper }>('POST', `${base(negotiationId)}/issues/${seg(issueId)}/papers`, {
    body: input,
  }).then((r) => r.paper)

/** Adds a version to a paper (all earlier ones are kept). */
export const addPaperVersion = (
  negotiationId: string,
  paperId: string,
  version: { title: string; body: string },
) =>
  request<{ paper: Paper }>('POST', `${base(negotiationId)}/papers/${seg(paperId)}/versions`, {
    body: version,
  }).then((r) => r.paper)

/** Publishes a group's paper. */
export const publishPaper = (negotiationId: string, paperId: string) =>
  request<{ paper: Paper }>('POST', `${base(negotiationId)}/papers/${seg(paperId)}/publish`).then(
    (r) => r.paper,
  )

/** An article of the live text as the articles API lists it. */
export interface ArticleLabel {
  id: string
  label: string
  title: string
}

/** The live text's articles, to name the ones an issue concerns. */
export const listArticles = (negotiationId: string, signal?: AbortSignal) =>
  request<{ articles: ArticleLabel[] }>('GET', `${base(negotiationId)}/articles`, { signal }).then(
    (r) => r.articles,
  )
