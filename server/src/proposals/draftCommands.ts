import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { CloseCode } from '../../../shared/collab'
import { can } from '../../../shared/domain/policy'
import { findArticle } from '../../../shared/domain/proposals/incorporate'
import {
  ProposalParamsSchema,
  type Anchor,
  type Proposal,
  type StatusChange,
} from '../../../shared/domain/proposals/types'
import { isKnownActor } from '../actors/catalogue'
import { currentCoalitionMembers, getCoalition } from '../groups/coalitions'
import { currentRoundId, newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { makeAnchor, resolveAnchor, type TextView } from './anchors'
import { findVisible, proposalJson, readText, requireActor, type ProposalContext } from './context'
import { draftAccess, draftRoom } from './visibility'
import { startingWording, wordingUpdate } from './wording'

const ActorId = z.string().min(1).max(64)
const Title = z.string().trim().min(1).max(200)
const Rationale = z.string().max(5000)
// Yjs relative positions as `Y.relativePositionToJSON` gives them; resolved against the text.
const AnchorBody = z.object({
  start: z.record(z.string(), z.unknown()),
  end: z.record(z.string(), z.unknown()),
  quote: z.string().max(20_000).optional(),
})
type AnchorBody = z.infer<typeof AnchorBody>
// The wording a delegate typed in the propose dialog: plain text, a clause a line.
const Wording = z
  .string()
  .max(20_000)
  .refine((w) => w.split('\n').length <= 500, 'at most 500 lines, one clause a line')

const CreateBody = z.object({
  params: ProposalParamsSchema,
  title: Title,
  articleId: z.string().max(64).nullable(),
  anchor: AnchorBody.nullable().optional(),
  sponsors: z.array(ActorId).min(1).max(50).optional(),
  coSponsors: z.array(ActorId).max(200).optional(),
  rationale: Rationale.optional(),
  wording: Wording.optional(),
  /** Drafted in a coalition's name: its current members become the sponsors. */
  coalitionId: z.string().min(1).max(64).optional(),
})
type CreateBody = z.infer<typeof CreateBody>

const PatchBody = z
  .object({
    title: Title.optional(),
    rationale: Rationale.optional(),
    params: ProposalParamsSchema.optional(),
    coSponsors: z.array(ActorId).max(200).optional(),
    anchor: AnchorBody.nullable().optional(),
  })
  .strict()

/** Every proposal the caller may see (tabled ones; drafts of their own delegation), with state. */
export async function listProposals(ctx: ProposalContext) {
  const all = await ctx.storage.proposals.list(ctx.negotiationId)
  const visible = all.filter((p) => draftAccess(ctx.principal, p) !== 'none')
  return readText(ctx, (view) => ({ proposals: visible.map((p) => proposalJson(ctx, p, view)) }))
}

/** One proposal the caller may see. */
export async function getProposal(ctx: ProposalContext, id: string) {
  const proposal = await findVisible(ctx, id)
  return readText(ctx, (view) => ({ proposal: proposalJson(ctx, proposal, view) }))
}

/**
 * Drafts a proposal for the caller's delegation (or, for the chair, the named sponsors): its
 * row with a first history entry and its draft room, starting from the wording typed in the
 * dialog (a clause a line) or else from the anchored words.
 */
export async function createProposal(ctx: ProposalContext, body: unknown) {
  const input = parseBody(CreateBody, body)
  requireActor(ctx)
  const sponsors =
    input.coalitionId === undefined
      ? ownSponsors(ctx, input)
      : await coalitionSponsors(ctx, input.coalitionId, input)
  const main = sponsors[0]
  if (main === undefined) throw new Error('no sponsor')
  const coSponsors = unique(input.coSponsors ?? []).filter((a) => !sponsors.includes(a))
  await requireKnownActors(ctx, [...sponsors, ...coSponsors])
  if (input.articleId === null && input.params.kind !== 'new-article') {
    throw new HttpError(400, 'invalid_request', 'articleId: only a new article may have none.')
  }
  const anchor = await readText(ctx, (view) =>
    checkedAnchor(view, input.articleId, input.anchor ?? null),
  )
  const now = new Date().toISOString()
  const created: StatusChange = {
    from: null,
    to: 'draft',
    byAccountId: ctx.principal.accountId,
    byName: ctx.byName,
    actorId: main,
    at: now,
    roundId: null,
  }
  const proposal: Proposal = {
    id: `p-${randomBytes(6).toString('hex')}`,
    negotiationId: ctx.negotiationId,
    params: input.params,
    title: input.title,
    sponsors,
    coSponsors,
    articleId: input.articleId,
    anchor,
    wording: null,
    wordingText: '',
    rationale: input.rationale ?? '',
    status: 'draft',
    tabledSeq: null,
    createdAt: now,
    createdBy: ctx.principal.accountId,
    history: [created],
    ...(input.coalitionId === undefined ? {} : { coalitionId: input.coalitionId }),
  }
  const typed = input.wording
    ?.split(/\r\n?|\n/)
    .map((line) => line.trim())
    .join('\n')
  const wording = startingWording(
    typed ?? anchor?.quote ?? null,
    input.params.kind === 'new-article',
  )
  const roundId = await currentRoundId(ctx.storage, ctx.negotiationId)
  await ctx.storage.atomically(async (tx) => {
    await tx.proposals.put(proposal)
    await tx.proposals.addStatusChange(ctx.negotiationId, proposal.id, created)
    await tx.events.append(
      newEvent({
        negotiationId: ctx.negotiationId,
        type: 'proposal-created',
        at: now,
        accountId: ctx.principal.accountId,
        byName: ctx.byName,
        actorId: main,
        roundId,
        articleId: proposal.articleId,
        proposalId: proposal.id,
        data: {
          title: proposal.title,
          kind: proposal.params.kind,
          sponsors,
          coSponsors,
          ...(input.coalitionId === undefined ? {} : { coalitionId: input.coalitionId }),
        },
      }),
    )
    await tx.appendUpdate(draftRoom(ctx.negotiationId, proposal.id), wordingUpdate(wording))
  })
  return readText(ctx, (view) => ({ proposal: proposalJson(ctx, proposal, view) }))
}

// The sponsors of a proposal of one's own: the caller's delegation, or those the chair names.
function ownSponsors(ctx: ProposalContext, input: CreateBody): string[] {
  const m = ctx.principal.membership
  const sponsors = unique(input.sponsors ?? (m?.role === 'delegate' ? [m.actorId] : []))
  const main = sponsors[0]
  if (main === undefined) {
    throw new HttpError(400, 'invalid_request', 'sponsors: name the sponsoring actor.')
  }
  const decision = can(ctx.principal, { type: 'act-for', actorId: main })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  return sponsors
}

/**
 * The sponsors of a proposal in a coalition's name: its members now, the caller's own actor
 * first (for the chair, the list's order). Refused alike, before anything about the coalition
 * is read, to whoever may not act in its name, known or not.
 */
async function coalitionSponsors(
  ctx: ProposalContext,
  coalitionId: string,
  input: CreateBody,
): Promise<string[]> {
  const decision = can(ctx.principal, { type: 'act-for-coalition', groupId: coalitionId })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  if (input.sponsors !== undefined) {
    throw new HttpError(
      400,
      'invalid_request',
      'sponsors: a coalition’s proposal is sponsored by its member states.',
    )
  }
  const coalition = await getCoalition(ctx.storage, ctx.negotiationId, coalitionId)
  if (!coalition) {
    throw new HttpError(400, 'unknown_group', `No coalition "${coalitionId}" in this negotiation.`)
  }
  const members = await currentCoalitionMembers(ctx.storage, ctx.negotiationId, coalition)
  const m = ctx.principal.membership
  const own = m?.role === 'delegate' && members.includes(m.actorId) ? [m.actorId] : []
  const sponsors = unique([...own, ...members])
  if (sponsors.length === 0) {
    throw new HttpError(400, 'invalid_request', 'coalitionId: this coalition has no members now.')
  }
  return sponsors
}

/** Changes a draft's title, rationale, parameters, co-sponsors or anchor (its sponsors only). */
export async function updateDraft(ctx: ProposalContext, id: string, body: unknown) {
  const input = parseBody(PatchBody, body)
  requireActor(ctx)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const proposal = await findVisible(ctx, id)
    if (proposal.status !== 'draft') {
      throw new HttpError(409, 'not_a_draft', 'Only a draft can be changed; this one is tabled.')
    }
    if (draftAccess(ctx.principal, proposal) !== 'write') {
      throw new HttpError(403, 'forbidden', 'Only the sponsoring delegations change this draft.')
    }
    const m = ctx.principal.membership
    const mainSponsor = m?.role === 'delegate' && proposal.sponsors.includes(m.actorId)
    if (input.coSponsors !== undefined && !mainSponsor) {
      throw new HttpError(403, 'forbidden', 'Only the sponsors choose the co-sponsors.')
    }
    const coSponsors = input.coSponsors
      ? unique(input.coSponsors).filter((a) => !proposal.sponsors.includes(a))
      : proposal.coSponsors
    await requireKnownActors(ctx, coSponsors)
    const kind = input.params?.kind ?? proposal.params.kind
    if (proposal.articleId === null && kind !== 'new-article') {
      throw new HttpError(400, 'invalid_request', 'params: only a new article may have no article.')
    }
    const anchor =
      input.anchor === undefined
        ? proposal.anchor
        : await readText(ctx, (view) =>
            checkedAnchor(view, proposal.articleId, input.anchor ?? null),
          )
    const next: Proposal = {
      ...proposal,
      title: input.title ?? proposal.title,
      rationale: input.rationale ?? proposal.rationale,
      params: input.params ?? proposal.params,
      coSponsors,
      anchor,
    }
    await ctx.storage.atomically(async (tx) => tx.proposals.put(next))
    if (input.coSponsors !== undefined) {
      // Who may write the draft changed: its connections reconnect with their new access.
      await ctx.registry.closeRoom(
        draftRoom(ctx.negotiationId, id),
        CloseCode.MembershipChanged,
        'The co-sponsors changed; reconnecting with your access.',
      )
    }
    return readText(ctx, (view) => ({ proposal: proposalJson(ctx, next, view) }))
  })
}

const unique = (ids: readonly string[]) => [...new Set(ids)]

// Sponsors must be states or organisations of the catalogue, or participants of the negotiation.
async function requireKnownActors(ctx: ProposalContext, ids: readonly string[]) {
  for (const id of ids) {
    if (isKnownActor(id)) continue
    if (await ctx.storage.participants.get(ctx.negotiationId, id)) continue
    throw new HttpError(400, 'unknown_actor', `No state or organisation "${id}".`)
  }
}

// The article must exist, and the anchor, if any, lie in it; the server re-anchors it so that
// the words and their quote are its own reading of the text.
function checkedAnchor(
  view: TextView,
  articleId: string | null,
  anchor: AnchorBody | null,
): Anchor | null {
  if (articleId !== null && !findArticle(view.doc, articleId)) {
    throw new HttpError(400, 'unknown_article', `No article "${articleId}" in the text.`)
  }
  if (anchor === null) return null
  if (articleId === null) {
    throw new HttpError(400, 'bad_anchor', 'A proposal without an article has no anchor.')
  }
  const range = resolveAnchor(view, { ...anchor, quote: anchor.quote ?? '' }, articleId)
  if (!range) {
    throw new HttpError(400, 'bad_anchor', 'The anchor does not resolve to words of that article.')
  }
  return makeAnchor(view, range)
}
