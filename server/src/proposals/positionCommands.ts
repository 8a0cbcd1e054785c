import { randomBytes } from 'node:crypto'
import { can, effectiveRole } from '../../../shared/domain/policy'
import { RecordPositionSchema } from '../../../shared/domain/proposals/positions'
import type { Position, Stance } from '../../../shared/domain/proposals/types'
import type { Provenance, RecordKey } from '../../../shared/domain/stances/types'
import { isKnownActor } from '../actors/catalogue'
import type { Room } from '../collab/Room'
import { newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { commandOrigin, commitAtomically } from './commit'
import { findVisible, type ProposalContext } from './context'
import { currentRound } from './currentRound'
import { putPosition, registerRoom } from './register'
import { hasBeenTabled } from './visibility'

/** Every position recorded on a proposal the caller may see, oldest first. */
export async function listPositions(ctx: ProposalContext, id: string) {
  await findVisible(ctx, id)
  return { positions: await ctx.storage.proposals.listPositions(ctx.negotiationId, id) }
}

/**
 * Records an actor's position on a tabled proposal: the chair for any actor (in the
 * secretariat's record), a delegation for its own (in its own record). Kept forever; the latest
 * of an actor supersedes its earlier ones.
 */
export async function recordPosition(ctx: ProposalContext, id: string, body: unknown) {
  const input = parseBody(RecordPositionSchema, body)
  const decision = can(ctx.principal, { type: 'act-for', actorId: input.actorId })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  if (
    !isKnownActor(input.actorId) &&
    !(await ctx.storage.participants.get(ctx.negotiationId, input.actorId))
  ) {
    throw new HttpError(400, 'unknown_actor', `No state or organisation "${input.actorId}".`)
  }
  const record: RecordKey =
    effectiveRole(ctx.principal) === 'chair' ? 'secretariat' : `delegation:${input.actorId}`
  const position = await writePosition(ctx, id, {
    ...input,
    provenance: input.provenance ?? 'recorded',
    record,
  })
  return { position }
}

/** What a position command has checked and now writes. */
export interface PositionFields {
  actorId: string
  stance: Stance
  roundId?: string | null
  source: string
  quote: string
  provenance: Provenance
  record: RecordKey
}

/**
 * Writes a checked position on a tabled proposal into the register room and the positions
 * table, with its event, in the negotiation's queue: 404 for a proposal the caller may not see,
 * 409 not_tabled for a draft, 404 unknown_round. The caller has checked who may record it.
 */
export async function writePosition(
  ctx: ProposalContext,
  id: string,
  input: PositionFields,
): Promise<Position> {
  return ctx.queue.run(ctx.negotiationId, async () => {
    const proposal = await findVisible(ctx, id)
    if (!hasBeenTabled(proposal)) {
      throw new HttpError(409, 'not_tabled', 'Positions are recorded on tabled proposals.')
    }
    const rounds = await ctx.storage.listRounds(ctx.negotiationId)
    if (input.roundId && !rounds.some((r) => r.id === input.roundId)) {
      throw new HttpError(404, 'unknown_round', `No round "${input.roundId}" in this negotiation.`)
    }
    const position: Position = {
      id: `pos-${randomBytes(6).toString('hex')}`,
      proposalId: id,
      actorId: input.actorId,
      stance: input.stance,
      roundId: input.roundId ?? currentRound(rounds)?.id ?? null,
      source: input.source,
      quote: input.quote,
      recordedAt: new Date().toISOString(),
      recordedBy: ctx.byName,
      provenance: input.provenance,
      record: input.record,
    }
    await ctx.registry.withRooms([registerRoom(ctx.negotiationId)], ([register]) =>
      commitAtomically(
        ctx.storage,
        commandOrigin('record-position'),
        [{ room: register as Room, change: (doc) => putPosition(doc, position) }],
        async (tx) => {
          await tx.proposals.addPosition(ctx.negotiationId, position)
          await tx.events.append(
            newEvent({
              negotiationId: ctx.negotiationId,
              type: 'position-recorded',
              at: position.recordedAt,
              accountId: ctx.principal.accountId,
              byName: ctx.byName,
              actorId: position.actorId,
              roundId: position.roundId,
              articleId: proposal.articleId,
              proposalId: id,
              data: {
                positionId: position.id,
                stance: position.stance,
                source: position.source,
                quote: position.quote,
                provenance: position.provenance,
                record: position.record,
              },
            }),
          )
        },
      ),
    )
    return position
  })
}
