import { randomBytes } from 'node:crypto'
import { can, mayReadRecordEntry } from '../../../shared/domain/policy'
import { STANCES, type Stance } from '../../../shared/domain/proposals/types'
import { MAX_RECORD_ENTRIES, statementOfPosition } from '../../../shared/domain/stances/statements'
import {
  isPrivateRecord,
  recordOwner,
  StatementInputSchema,
  type Statement,
  type StatementInput,
} from '../../../shared/domain/stances/types'
import { isKnownActor } from '../actors/catalogue'
import { newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { ProposalContext } from '../proposals/context'
import { currentRound } from '../proposals/currentRound'
import { writePosition } from '../proposals/positionCommands'
import { draftAccess, hasBeenTabled } from '../proposals/visibility'
import { visibleStatements } from './stanceData'

/** Which statements to list: every field narrows. */
export interface StatementQuery {
  issue?: string
  proposal?: string
  actor?: string
  round?: string
}

/**
 * The statements the caller may read (public records, the caller's own group's record, other
 * groups' published entries; positions on tabled proposals among them), narrowed by the query.
 */
export async function listStatements(ctx: ProposalContext, q: StatementQuery) {
  const all = await visibleStatements(ctx.storage, ctx.principal, ctx.negotiationId)
  const statements = all.filter(
    (s) =>
      (q.issue === undefined || (s.target.kind === 'issue' && s.target.issueId === q.issue)) &&
      (q.proposal === undefined ||
        (s.target.kind === 'proposal' && s.target.proposalId === q.proposal)) &&
      (q.actor === undefined || s.actorId === q.actor) &&
      (q.round === undefined || s.roundId === q.round),
  )
  return { statements }
}

// One answer for a target that is not there and one the caller may not see.
const targetNotFound = (input: StatementInput) =>
  new HttpError(
    404,
    'target_not_found',
    input.target.kind === 'issue'
      ? `No issue "${input.target.issueId}" in this negotiation.`
      : `No tabled proposal "${input.target.proposalId}" in this negotiation.`,
  )

const isStance = (s: string): s is Stance => (STANCES as readonly string[]).includes(s)

/**
 * Records what an actor said about an issue or a tabled proposal into one record: the
 * secretariat's (the chair, for any actor), a delegation's own, or a campaign group's (private
 * until published). A stance on a proposal in a public record is a position (it shows live on
 * the proposal's card); everything else is kept with the issues. Public entries go into the
 * event log; a group's private ones do not, since everyone reads the log.
 */
export async function recordStatement(ctx: ProposalContext, body: unknown) {
  const input = parseBody(StatementInputSchema, body)
  const decision = can(ctx.principal, {
    type: 'record-into',
    record: input.record,
    actorId: input.actorId,
  })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  if (
    !isKnownActor(input.actorId) &&
    !(await ctx.storage.participants.get(ctx.negotiationId, input.actorId))
  ) {
    throw new HttpError(400, 'unknown_actor', `No state or organisation "${input.actorId}".`)
  }
  const rounds = await ctx.storage.listRounds(ctx.negotiationId)
  if (input.roundId && !rounds.some((r) => r.id === input.roundId)) {
    throw new HttpError(404, 'unknown_round', `No round "${input.roundId}" in this negotiation.`)
  }
  // Absent: the current round; null: the round is not known.
  const roundId = input.roundId === undefined ? (currentRound(rounds)?.id ?? null) : input.roundId

  let title: string
  let articleId: string | null
  if (input.target.kind === 'issue') {
    const issue = await ctx.storage.issues.get(ctx.negotiationId, input.target.issueId)
    if (!issue) throw targetNotFound(input)
    title = issue.title
    articleId = issue.articleIds.length === 1 ? (issue.articleIds[0] ?? null) : null
  } else {
    const proposal = await ctx.storage.proposals.get(ctx.negotiationId, input.target.proposalId)
    if (!proposal || draftAccess(ctx.principal, proposal) === 'none' || !hasBeenTabled(proposal)) {
      throw targetNotFound(input)
    }
    if (!isPrivateRecord(input.record) && isStance(input.stance)) {
      const position = await writePosition(ctx, proposal.id, {
        actorId: input.actorId,
        stance: input.stance,
        roundId,
        source: input.source,
        quote: input.quote,
        provenance: input.provenance,
        record: input.record,
      })
      return { statement: statementOfPosition(ctx.negotiationId, position) }
    }
    title = proposal.title
    articleId = proposal.articleId
  }

  if (
    (await ctx.storage.issues.countStatements(ctx.negotiationId, input.record)) >=
    MAX_RECORD_ENTRIES
  ) {
    throw new HttpError(
      409,
      'record_full',
      `This record holds ${MAX_RECORD_ENTRIES.toLocaleString('en')} entries, the most one record keeps.`,
    )
  }
  const isPublic = !isPrivateRecord(input.record)
  const statement: Statement = {
    id: `st-${randomBytes(6).toString('hex')}`,
    negotiationId: ctx.negotiationId,
    target: input.target,
    actorId: input.actorId,
    stance: input.stance,
    roundId,
    date: input.date ?? null,
    source: input.source,
    quote: input.quote,
    provenance: input.provenance,
    record: input.record,
    published: isPublic,
    publishedAt: null,
    recordedAt: new Date().toISOString(),
    recordedBy: ctx.byName,
  }
  await ctx.storage.atomically(async (tx) => {
    await tx.issues.addStatement(statement)
    if (isPublic) {
      await tx.events.append(
        statementEvent(
          ctx,
          'statement-recorded',
          statement,
          title,
          articleId,
          statement.recordedAt,
        ),
      )
    }
  })
  return { statement }
}

/**
 * A group publishes one entry of its record: then everyone reads it, and the event log says
 * so. Anyone outside the group is refused; a statement that is not there and one the caller may
 * not read get the same 404.
 */
export async function publishStatement(ctx: ProposalContext, statementId: string) {
  const notFound = new HttpError(
    404,
    'not_found',
    `No statement "${statementId}" in this negotiation.`,
  )
  return ctx.queue.run(ctx.negotiationId, async () => {
    const statement = await ctx.storage.issues.getStatement(ctx.negotiationId, statementId)
    if (!statement || !mayReadRecordEntry(ctx.principal, statement)) throw notFound
    const owner = recordOwner(statement.record)
    if (owner?.kind !== 'group') {
      throw new HttpError(409, 'not_private', 'This entry is in a public record already.')
    }
    const decision = can(ctx.principal, { type: 'group-work', groupId: owner.groupId })
    if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
    if (statement.published) return { statement }
    const target = await targetOf(ctx, statement)
    const at = new Date().toISOString()
    await ctx.storage.atomically(async (tx) => {
      await tx.issues.publishStatement(ctx.negotiationId, statement.id, at, ctx.byName)
      await tx.events.append(
        statementEvent(ctx, 'statement-published', statement, target.title, target.articleId, at),
      )
    })
    return { statement: { ...statement, published: true, publishedAt: at } }
  })
}

// The title and article of what a stored statement is about, for its event.
async function targetOf(ctx: ProposalContext, s: Statement) {
  if (s.target.kind === 'issue') {
    const issue = await ctx.storage.issues.get(ctx.negotiationId, s.target.issueId)
    const one = issue?.articleIds.length === 1 ? (issue.articleIds[0] ?? null) : null
    return { title: issue?.title ?? s.target.issueId, articleId: one }
  }
  const proposal = await ctx.storage.proposals.get(ctx.negotiationId, s.target.proposalId)
  return { title: proposal?.title ?? s.target.proposalId, articleId: proposal?.articleId ?? null }
}

// A statement's event, with what it says, so that the log reads without the statements table.
const statementEvent = (
  ctx: ProposalContext,
  type: 'statement-recorded' | 'statement-published',
  s: Statement,
  title: string,
  articleId: string | null,
  at: string,
) =>
  newEvent({
    negotiationId: ctx.negotiationId,
    type,
    at,
    accountId: ctx.principal.accountId,
    byName: ctx.byName,
    actorId: s.actorId,
    roundId: s.roundId,
    articleId,
    proposalId: s.target.kind === 'proposal' ? s.target.proposalId : null,
    data: {
      statementId: s.id,
      target: s.target,
      ...(s.target.kind === 'issue' ? { issueId: s.target.issueId } : {}),
      title,
      stance: s.stance,
      provenance: s.provenance,
      record: s.record,
      source: s.source,
      quote: s.quote,
      date: s.date,
      recordedBy: s.recordedBy,
    },
  })
