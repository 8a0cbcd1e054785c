import {
  changeParticipant,
  changeRound,
  parseCsv,
  ParticipantChangeSchema,
  RoundChangeSchema,
  roundsOf,
  toCsv,
  type Actor,
  type Participant,
  type RoundRecord,
} from '../../../shared/domain/actors'
import type { z } from 'zod'
import { can, type Action, type Principal } from '../../../shared/domain/policy'
import { appendEvent } from '../history/events'
import { HttpError } from '../http/errors'
import type { Storage } from '../storage/Storage'
import { getActor, isKnownActor, listActors } from './catalogue'

// The commands on a negotiation's participants, apart from Express so that a route only reads
// the request, calls one of these with the asker's Principal, and replies.

/** A participant as the API shows it: the actor itself, and a record for every round. */
export interface ParticipantJson {
  actor: Actor
  flags: Participant['flags']
  note: string
  rounds: Record<string, RoundRecord>
}

/** Who asks about which negotiation (a member or an admin, as the negotiation gate found). */
export interface CommandContext {
  storage: Storage
  principal: Principal
  negotiationId: string
}

// Catalogue order (states by name, then organisations) is the order of the spreadsheet.
const ORDER = new Map(listActors().map((a, i) => [a.id, i]))
const byCatalogue = (a: Participant, b: Participant) =>
  (ORDER.get(a.actorId) ?? Infinity) - (ORDER.get(b.actorId) ?? Infinity)

/** Refuses with 403 and the policy's sentence unless the principal may take `action`. */
async function authorize(ctx: CommandContext, action: Action): Promise<string[]> {
  for (const check of [{ type: 'read-negotiation' } as const, action]) {
    const decision = can(ctx.principal, check)
    if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  }
  return (await ctx.storage.listRounds(ctx.negotiationId)).map((r) => r.id)
}

const toJson = (p: Participant, roundIds: readonly string[]): ParticipantJson => ({
  actor: getActor(p.actorId) ?? { id: p.actorId, kind: 'state', name: p.actorId },
  flags: { ...p.flags },
  note: p.note,
  rounds: roundsOf(p, roundIds),
})

function knownActor(actorId: string): void {
  if (!isKnownActor(actorId)) {
    throw new HttpError(404, 'unknown_actor', `No state or organisation "${actorId}".`)
  }
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.map(String).join('.') || 'body'
  throw new HttpError(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}`)
}

// The log's record of a change of who takes part: by whom, for which actor, what changed.
const participantChanged = (
  ctx: CommandContext,
  actorId: string | null,
  data: Record<string, unknown>,
) =>
  appendEvent(ctx.storage, {
    negotiationId: ctx.negotiationId,
    type: 'participant-changed',
    accountId: ctx.principal.accountId,
    actorId,
    data,
  })

/** The participants of a negotiation, for any member. */
export async function listParticipants(ctx: CommandContext) {
  const roundIds = await authorize(ctx, { type: 'read-negotiation' })
  const all = await ctx.storage.participants.list(ctx.negotiationId)
  return { participants: all.sort(byCatalogue).map((p) => toJson(p, roundIds)) }
}

/** Sets an actor's flags or note, adding it as a participant if new (chair). */
export async function setParticipant(ctx: CommandContext, actorId: string, body: unknown) {
  const roundIds = await authorize(ctx, { type: 'manage-actors' })
  const change = parseBody(ParticipantChangeSchema, body)
  knownActor(actorId)
  const p = await ctx.storage.participants.update(ctx.negotiationId, actorId, (current) =>
    changeParticipant(current, actorId, change),
  )
  await participantChanged(ctx, actorId, { change: 'set', ...change })
  return { participant: toJson(p, roundIds) }
}

/** Removes an actor from the participants, with its round records (chair). */
export async function removeParticipant(ctx: CommandContext, actorId: string) {
  await authorize(ctx, { type: 'manage-actors' })
  if (!(await ctx.storage.participants.remove(ctx.negotiationId, actorId))) {
    throw new HttpError(404, 'not_a_participant', `${actorId} does not take part here.`)
  }
  await participantChanged(ctx, actorId, { change: 'removed' })
  return { removed: actorId }
}

/**
 * Records whether an actor attended a round or endorsed its declaration: the chair for anyone,
 * a delegate for their own actor only. A delegation recording itself becomes a participant.
 */
export async function setRoundRecord(
  ctx: CommandContext,
  actorId: string,
  roundId: string,
  body: unknown,
) {
  const roundIds = await authorize(ctx, { type: 'act-for', actorId })
  const change = parseBody(RoundChangeSchema, body)
  knownActor(actorId)
  if (!roundIds.includes(roundId)) {
    throw new HttpError(404, 'unknown_round', `This negotiation has no round "${roundId}".`)
  }
  const p = await ctx.storage.participants.update(ctx.negotiationId, actorId, (current) =>
    changeRound(current, actorId, roundId, change),
  )
  await participantChanged(ctx, actorId, { change: 'round', roundId, ...change })
  return { participant: toJson(p, roundIds) }
}

/** The participants as the states spreadsheet, for any member. */
export async function exportParticipantsCsv(ctx: CommandContext) {
  const roundIds = await authorize(ctx, { type: 'read-negotiation' })
  const all = await ctx.storage.participants.list(ctx.negotiationId)
  return {
    filename: `${ctx.negotiationId}-participants.csv`,
    csv: toCsv(all.sort(byCatalogue), getActor, roundIds),
  }
}

/** Replaces every participant with a spreadsheet's rows, all or nothing (chair). */
export async function importParticipantsCsv(ctx: CommandContext, text: unknown) {
  const roundIds = await authorize(ctx, { type: 'manage-actors' })
  if (typeof text !== 'string') {
    throw new HttpError(415, 'unsupported_media_type', 'Send the spreadsheet as text/csv.')
  }
  const parsed = parseCsv(text, isKnownActor, roundIds)
  if (!parsed.ok) {
    const { line, column, message } = parsed.error
    throw new HttpError(400, 'invalid_csv', `Line ${line}, column ${column}: ${message}.`, {
      line,
      column,
    })
  }
  await ctx.storage.participants.replaceAll(ctx.negotiationId, parsed.participants)
  await participantChanged(ctx, null, {
    change: 'replaced',
    participants: parsed.participants.length,
  })
  return listParticipants(ctx)
}
