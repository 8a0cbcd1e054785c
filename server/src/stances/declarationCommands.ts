import { randomUUID } from 'node:crypto'
import { can, type Action } from '../../../shared/domain/policy'
import {
  DeclarationInputSchema,
  EndorsementInputSchema,
  RoundCountInputSchema,
} from '../../../shared/domain/stances/declarations'
import type { Declaration, Endorsement, RoundCount } from '../../../shared/domain/stances/types'
import type { CommandContext } from '../actors/participantCommands'
import { isKnownActor } from '../actors/catalogue'
import { currentRoundId, newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'

// The commands on outcome documents, their endorsements and the counts sources give, apart from
// Express: a route reads the request, calls one of these with the asker's Principal, replies.

/** 403 `forbidden` with the policy's sentence unless the principal may take `action`. */
export function authorizeCommand(ctx: CommandContext, action: Action): void {
  for (const check of [{ type: 'read-negotiation' } as const, action]) {
    const decision = can(ctx.principal, check)
    if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  }
}

/** The display name of who asks, for the log. */
export async function askerName(ctx: CommandContext): Promise<string> {
  return (await ctx.storage.accounts.get(ctx.principal.accountId))?.displayName ?? 'Plenary'
}

async function knownRound(ctx: CommandContext, roundId: string | null): Promise<void> {
  if (roundId === null) return
  const rounds = await ctx.storage.listRounds(ctx.negotiationId)
  if (!rounds.some((r) => r.id === roundId)) {
    throw new HttpError(400, 'unknown_round', `This negotiation has no round "${roundId}".`)
  }
}

async function declarationOf(ctx: CommandContext, declarationId: string): Promise<Declaration> {
  const all = await ctx.storage.declarations.list(ctx.negotiationId)
  const found = all.find((d) => d.id === declarationId)
  if (!found) {
    throw new HttpError(404, 'unknown_declaration', `No declaration "${declarationId}".`)
  }
  return found
}

// An id from a title: "Wellington Declaration" → wellington-declaration.
const slug = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || `declaration-${randomUUID().slice(0, 8)}`

/** The declarations, their endorsements and the round counts, for any member. */
export async function listDeclarations(ctx: CommandContext) {
  authorizeCommand(ctx, { type: 'read-negotiation' })
  const [declarations, endorsements, roundCounts] = await Promise.all([
    ctx.storage.declarations.list(ctx.negotiationId),
    ctx.storage.declarations.listEndorsements(ctx.negotiationId),
    ctx.storage.declarations.listRoundCounts(ctx.negotiationId),
  ])
  return { declarations, endorsements, roundCounts }
}

/** Records a new outcome document (the secretariat); its id from the title unless given. */
export async function createDeclaration(ctx: CommandContext, body: unknown) {
  authorizeCommand(ctx, { type: 'manage-issues' })
  const input = parseBody(DeclarationInputSchema, body)
  await knownRound(ctx, input.roundId)
  const id = input.id ?? slug(input.title)
  const existing = await ctx.storage.declarations.list(ctx.negotiationId)
  if (existing.some((d) => d.id === id)) {
    throw new HttpError(409, 'declaration_taken', `A declaration "${id}" exists.`)
  }
  const declaration: Declaration = {
    id,
    negotiationId: ctx.negotiationId,
    title: input.title,
    roundId: input.roundId,
    adoptedOn: input.adoptedOn,
    source: input.source,
    reportedCounts: input.reportedCounts,
  }
  await ctx.storage.atomically(async (tx) => tx.declarations.putDeclaration(declaration))
  return { declaration }
}

/** Changes an outcome document's title, round, date, source or counts (the secretariat). */
export async function changeDeclaration(ctx: CommandContext, declarationId: string, body: unknown) {
  authorizeCommand(ctx, { type: 'manage-issues' })
  const input = parseBody(DeclarationInputSchema, body)
  await declarationOf(ctx, declarationId)
  if (input.id !== undefined && input.id !== declarationId) {
    throw new HttpError(400, 'invalid_request', 'id: a declaration keeps its id.')
  }
  await knownRound(ctx, input.roundId)
  const declaration: Declaration = {
    id: declarationId,
    negotiationId: ctx.negotiationId,
    title: input.title,
    roundId: input.roundId,
    adoptedOn: input.adoptedOn,
    source: input.source,
    reportedCounts: input.reportedCounts,
  }
  await ctx.storage.atomically(async (tx) => tx.declarations.putDeclaration(declaration))
  return { declaration }
}

/**
 * Records that an actor endorsed a declaration, or changes its date or source: the chair for any
 * actor, a delegation for its own. Logged as `declaration-endorsed`.
 */
export async function setEndorsement(
  ctx: CommandContext,
  declarationId: string,
  actorId: string,
  body: unknown,
) {
  authorizeCommand(ctx, { type: 'act-for', actorId })
  const input = parseBody(EndorsementInputSchema, body)
  if (!isKnownActor(actorId)) {
    throw new HttpError(400, 'unknown_actor', `No state or organisation "${actorId}".`)
  }
  const declaration = await declarationOf(ctx, declarationId)
  const endorsement: Endorsement = {
    negotiationId: ctx.negotiationId,
    declarationId,
    actorId,
    date: input.date,
    source: input.source,
    provenance: input.provenance,
  }
  const byName = await askerName(ctx)
  const roundId = declaration.roundId ?? (await currentRoundId(ctx.storage, ctx.negotiationId))
  await ctx.storage.atomically(async (tx) => {
    await tx.declarations.putEndorsement(endorsement)
    await tx.events.append(
      newEvent({
        negotiationId: ctx.negotiationId,
        type: 'declaration-endorsed',
        accountId: ctx.principal.accountId,
        byName,
        actorId,
        roundId,
        data: {
          declarationId,
          date: input.date,
          source: input.source,
          provenance: input.provenance,
        },
      }),
    )
  })
  return { endorsement }
}

/** Withdraws an actor's endorsement (the chair, or the actor's delegation); logged. */
export async function removeEndorsement(
  ctx: CommandContext,
  declarationId: string,
  actorId: string,
) {
  authorizeCommand(ctx, { type: 'act-for', actorId })
  const declaration = await declarationOf(ctx, declarationId)
  const endorsements = await ctx.storage.declarations.listEndorsements(
    ctx.negotiationId,
    declarationId,
  )
  if (!endorsements.some((e) => e.actorId === actorId)) {
    throw new HttpError(404, 'not_endorsed', `${actorId} has no endorsement of "${declarationId}".`)
  }
  const byName = await askerName(ctx)
  const roundId = declaration.roundId ?? (await currentRoundId(ctx.storage, ctx.negotiationId))
  await ctx.storage.atomically(async (tx) => {
    await tx.declarations.removeEndorsement(ctx.negotiationId, declarationId, actorId)
    await tx.events.append(
      newEvent({
        negotiationId: ctx.negotiationId,
        type: 'endorsement-withdrawn',
        accountId: ctx.principal.accountId,
        byName,
        actorId,
        roundId,
        data: { declarationId },
      }),
    )
  })
  return { removed: { declarationId, actorId } }
}

/** Adds a count of states at a round as a source gives it (the secretariat). */
export async function addRoundCount(ctx: CommandContext, body: unknown) {
  authorizeCommand(ctx, { type: 'manage-issues' })
  const input = parseBody(RoundCountInputSchema, body)
  await knownRound(ctx, input.roundId)
  const count: RoundCount = { negotiationId: ctx.negotiationId, ...input }
  await ctx.storage.atomically(async (tx) => tx.declarations.addRoundCount(count))
  return { roundCount: count }
}
