import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { can, effectiveRole, inGroup, type Principal } from '../../../shared/domain/policy'
import { PaperInputSchema, type Paper } from '../../../shared/domain/stances/types'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { ProposalContext } from '../proposals/context'
import { findIssue } from './issueCommands'

/** How many versions a paper keeps at most; past it, a new paper. */
export const MAX_PAPER_VERSIONS = 500
/** How many papers an issue holds at most. */
export const MAX_PAPERS_PER_ISSUE = 200

/** A new version of a paper: its Markdown body, and a new title if it changes. */
export const PaperVersionInputSchema = z
  .object({
    title: PaperInputSchema.shape.title.optional(),
    body: PaperInputSchema.shape.body,
  })
  .strict()

/** Whether a principal may read a paper: the secretariat's always, a group's by its members or once published. */
export function mayReadPaper(p: Principal, paper: Pick<Paper, 'groupId' | 'published'>): boolean {
  if (effectiveRole(p) === null) return false
  if (paper.groupId === null || paper.published) return true
  // Any group's: a campaign group's campaigners, a coalition's or a delegation's delegates.
  return inGroup(p, paper.groupId)
}

// Who writes a paper: the secretariat's the chair; a group's its members.
function requireWriter(ctx: ProposalContext, groupId: string | null) {
  const decision = can(
    ctx.principal,
    groupId === null ? { type: 'manage-issues' } : { type: 'group-work', groupId },
  )
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
}

/** The briefing papers on an issue that the caller may read, each with all its versions. */
export async function listPapers(ctx: ProposalContext, issueId: string) {
  await findIssue(ctx, issueId)
  const papers = await ctx.storage.issues.listPapers(ctx.negotiationId, issueId)
  return { papers: papers.filter((p) => mayReadPaper(ctx.principal, p)) }
}

/**
 * Adds a briefing paper to an issue: the secretariat's (the chair; public at once) or a group's
 * (its members; private to the group until it publishes it). The body is Markdown, kept as text.
 */
export async function createPaper(ctx: ProposalContext, issueId: string, body: unknown) {
  const input = parseBody(PaperInputSchema, body)
  const groupId = input.groupId ?? null
  requireWriter(ctx, groupId)
  return ctx.queue.run(ctx.negotiationId, async () => {
    await findIssue(ctx, issueId)
    const existing = await ctx.storage.issues.listPapers(ctx.negotiationId, issueId)
    if (existing.length >= MAX_PAPERS_PER_ISSUE) {
      throw new HttpError(
        409,
        'too_many_papers',
        `An issue holds at most ${MAX_PAPERS_PER_ISSUE} papers.`,
      )
    }
    const paper: Paper = {
      id: `paper-${randomBytes(6).toString('hex')}`,
      negotiationId: ctx.negotiationId,
      issueId,
      groupId,
      published: groupId === null,
      provenance: input.provenance,
      source: input.source,
      versions: [
        {
          version: 1,
          title: input.title,
          body: input.body,
          at: new Date().toISOString(),
          byName: ctx.byName,
        },
      ],
    }
    await ctx.storage.atomically(async (tx) => {
      const { versions, ...row } = paper
      await tx.issues.putPaper(row)
      for (const v of versions) await tx.issues.addPaperVersion(ctx.negotiationId, paper.id, v)
    })
    return { paper }
  })
}

// A paper the caller may read; one that is not there and one they may not read answer alike.
async function findPaper(ctx: ProposalContext, paperId: string): Promise<Paper> {
  const paper = await ctx.storage.issues.getPaper(ctx.negotiationId, paperId)
  if (!paper || !mayReadPaper(ctx.principal, paper)) {
    throw new HttpError(404, 'not_found', `No paper "${paperId}" in this negotiation.`)
  }
  return paper
}

/** Adds a version to a paper (all are kept); the same people write it as created it. */
export async function addPaperVersion(ctx: ProposalContext, paperId: string, body: unknown) {
  const input = parseBody(PaperVersionInputSchema, body)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const paper = await findPaper(ctx, paperId)
    requireWriter(ctx, paper.groupId)
    const last = paper.versions[paper.versions.length - 1]
    if (paper.versions.length >= MAX_PAPER_VERSIONS) {
      throw new HttpError(
        409,
        'too_many_versions',
        `A paper keeps at most ${MAX_PAPER_VERSIONS} versions.`,
      )
    }
    const version = {
      version: (last?.version ?? 0) + 1,
      title: input.title ?? last?.title ?? '',
      body: input.body,
      at: new Date().toISOString(),
      byName: ctx.byName,
    }
    await ctx.storage.atomically(
      async (tx) => await tx.issues.addPaperVersion(ctx.negotiationId, paper.id, version),
    )
    return { paper: { ...paper, versions: [...paper.versions, version] } }
  })
}

/** A group publishes its paper: then every member of the negotiation reads it. */
export async function publishPaper(ctx: ProposalContext, paperId: string) {
  return ctx.queue.run(ctx.negotiationId, async () => {
    const paper = await findPaper(ctx, paperId)
    if (paper.groupId === null) return { paper }
    requireWriter(ctx, paper.groupId)
    if (paper.published) return { paper }
    const { versions, ...row } = paper
    await ctx.storage.atomically(async (tx) => tx.issues.putPaper({ ...row, published: true }))
    return { paper: { ...row, published: true, versions } }
  })
}
