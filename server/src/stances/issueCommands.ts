import { outlineOf } from '../../../shared/domain/numbering'
import { can } from '../../../shared/domain/policy'
import {
  bracketIdsIn,
  checkIssueParent,
  IssuePatchSchema,
  issueIdFrom,
  nextOrder,
  patchIssue,
} from '../../../shared/domain/stances/issues'
import { IssueInputSchema, type Issue } from '../../../shared/domain/stances/types'
import { newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { readText, type ProposalContext } from '../proposals/context'
import { hasBeenTabled } from '../proposals/visibility'

/** How many issues a negotiation holds at most (the report names ten; a long one, a few hundred). */
export const MAX_ISSUES = 1000

/** The issues of a negotiation, parents before children: every member reads them. */
export async function listIssues(ctx: ProposalContext) {
  return { issues: await ctx.storage.issues.list(ctx.negotiationId) }
}

const requireSecretariat = (ctx: ProposalContext) => {
  const decision = can(ctx.principal, { type: 'manage-issues' })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
}

/** 400 source_required: a reported issue names the source that reports it. */
const requireSourceIfReported = (issue: Issue) => {
  if (issue.provenance === 'reported' && !issue.source.trim()) {
    throw new HttpError(400, 'source_required', 'A reported issue names its source.')
  }
}

/** 404 for an issue that is not in the negotiation. */
export async function findIssue(ctx: ProposalContext, issueId: string): Promise<Issue> {
  const issue = await ctx.storage.issues.get(ctx.negotiationId, issueId)
  if (!issue) {
    throw new HttpError(404, 'issue_not_found', `No issue "${issueId}" in this negotiation.`)
  }
  return issue
}

/**
 * Checks the links an issue gains: articles and bracketed spans of the live text, and tabled
 * proposals (400 unknown_article, unknown_bracket, unknown_proposal). Links it already had are
 * not checked again, so an issue whose article was since deleted can still be changed.
 */
async function checkLinks(ctx: ProposalContext, next: Issue, before: Issue | null) {
  const added = (now: string[], was: string[] = []) => now.filter((id) => !was.includes(id))
  const articles = added(next.articleIds, before?.articleIds)
  const brackets = added(next.bracketIds, before?.bracketIds)
  const proposals = added(next.proposalIds, before?.proposalIds)
  if (articles.length > 0 || brackets.length > 0) {
    const text = await readText(ctx, (view) => ({
      articles: new Set(outlineOf(view.doc).map((a) => a.id)),
      brackets: bracketIdsIn(view.doc),
    }))
    const article = articles.find((id) => !text.articles.has(id))
    if (article) {
      throw new HttpError(400, 'unknown_article', `No article "${article}" in the text.`)
    }
    const bracket = brackets.find((id) => !text.brackets.has(id))
    if (bracket) {
      throw new HttpError(400, 'unknown_bracket', `No bracketed span "${bracket}" in the text.`)
    }
  }
  if (proposals.length > 0) {
    const tabled = new Set(
      (await ctx.storage.proposals.list(ctx.negotiationId)).filter(hasBeenTabled).map((p) => p.id),
    )
    const proposal = proposals.find((id) => !tabled.has(id))
    if (proposal) {
      throw new HttpError(400, 'unknown_proposal', `No tabled proposal "${proposal}".`)
    }
  }
}

// 400 for a parent that is not there, 409 for a cycle or a tree too deep.
function checkParent(issues: readonly Issue[], id: string, parentId: string | null) {
  const check = checkIssueParent(issues, id, parentId)
  if (!check.ok) {
    throw new HttpError(check.code === 'unknown_parent' ? 400 : 409, check.code, check.reason)
  }
}

/**
 * The chair names an issue (its id from the title unless given), under a parent or at the top,
 * linked to articles, brackets and tabled proposals; the event log says so.
 */
export async function createIssue(ctx: ProposalContext, body: unknown) {
  requireSecretariat(ctx)
  const input = parseBody(IssueInputSchema, body)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const issues = await ctx.storage.issues.list(ctx.negotiationId)
    if (issues.length >= MAX_ISSUES) {
      throw new HttpError(
        409,
        'too_many_issues',
        `A negotiation holds at most ${MAX_ISSUES} issues.`,
      )
    }
    const taken = new Set(issues.map((i) => i.id))
    if (input.id && taken.has(input.id)) {
      throw new HttpError(409, 'issue_exists', `There is an issue "${input.id}" already.`)
    }
    const id = input.id ?? issueIdFrom(input.title, taken)
    const parentId = input.parentId ?? null
    checkParent(issues, id, parentId)
    const issue: Issue = {
      id,
      negotiationId: ctx.negotiationId,
      parentId,
      title: input.title,
      description: input.description,
      articleIds: [...new Set(input.articleIds)],
      bracketIds: [...new Set(input.bracketIds)],
      proposalIds: [...new Set(input.proposalIds)],
      order: input.order ?? nextOrder(issues, parentId),
      source: input.source,
      provenance: input.provenance,
      createdAt: new Date().toISOString(),
    }
    requireSourceIfReported(issue)
    await checkLinks(ctx, issue, null)
    await ctx.storage.atomically(async (tx) => {
      await tx.issues.putIssue(issue)
      await tx.events.append(issueEvent(ctx, 'issue-created', issue, issue.createdAt))
    })
    return { issue }
  })
}

/** The chair changes an issue: only the fields given; moving it keeps the tree a tree. */
export async function changeIssue(ctx: ProposalContext, issueId: string, body: unknown) {
  requireSecretariat(ctx)
  const patch = parseBody(IssuePatchSchema, body)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const before = await findIssue(ctx, issueId)
    const issue = patchIssue(before, {
      ...patch,
      ...(patch.articleIds ? { articleIds: [...new Set(patch.articleIds)] } : {}),
      ...(patch.bracketIds ? { bracketIds: [...new Set(patch.bracketIds)] } : {}),
      ...(patch.proposalIds ? { proposalIds: [...new Set(patch.proposalIds)] } : {}),
    })
    if (issue.parentId !== before.parentId) {
      checkParent(await ctx.storage.issues.list(ctx.negotiationId), issue.id, issue.parentId)
    }
    requireSourceIfReported(issue)
    await checkLinks(ctx, issue, before)
    const changed = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined)
    await ctx.storage.atomically(async (tx) => {
      await tx.issues.putIssue(issue)
      await tx.events.append(issueEvent(ctx, 'issue-changed', issue, undefined, { changed }))
    })
    return { issue }
  })
}

// An issue's event: on its one article if it concerns exactly one, else on the negotiation.
const issueEvent = (
  ctx: ProposalContext,
  type: 'issue-created' | 'issue-changed',
  issue: Issue,
  at?: string,
  more: Record<string, unknown> = {},
) =>
  newEvent({
    negotiationId: ctx.negotiationId,
    type,
    at,
    accountId: ctx.principal.accountId,
    byName: ctx.byName,
    articleId: issue.articleIds.length === 1 ? (issue.articleIds[0] ?? null) : null,
    data: { issueId: issue.id, title: issue.title, parentId: issue.parentId, ...more },
  })
