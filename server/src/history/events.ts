import type { EventType, NegotiationEvent, NewEvent } from '../../../shared/domain/events'
import { currentRound } from '../proposals/currentRound'
import type { Storage } from '../storage/Storage'

/** What a command says about its event; the rest (time, empty fields) is filled in. */
export interface EventInput {
  negotiationId: string
  type: EventType
  accountId: string | null
  byName: string
  actorId?: string | null
  roundId?: string | null
  articleId?: string | null
  proposalId?: string | null
  data?: Record<string, unknown>
  at?: string
}

/** An event ready to append: now, with absent fields null. */
export const newEvent = (input: EventInput): NewEvent => ({
  negotiationId: input.negotiationId,
  type: input.type,
  at: input.at ?? new Date().toISOString(),
  accountId: input.accountId,
  byName: input.byName,
  actorId: input.actorId ?? null,
  roundId: input.roundId ?? null,
  articleId: input.articleId ?? null,
  proposalId: input.proposalId ?? null,
  data: input.data ?? {},
})

/** The id of the round an event without one belongs to: the current round, or null. */
export async function currentRoundId(
  storage: Storage,
  negotiationId: string,
): Promise<string | null> {
  return currentRound(await storage.listRounds(negotiationId))?.id ?? null
}

/**
 * Appends an event of a command that has no transaction of its own (members, participants),
 * after its write: in the current round unless it names one, by `byName` or the account's name.
 */
export async function appendEvent(
  storage: Storage,
  input: Omit<EventInput, 'byName'> & { byName?: string },
): Promise<NegotiationEvent> {
  const byName =
    input.byName ??
    (input.accountId ? (await storage.accounts.get(input.accountId))?.displayName : undefined) ??
    'Plenary'
  const roundId =
    input.roundId === undefined ? await currentRoundId(storage, input.negotiationId) : input.roundId
  return storage.events.append(newEvent({ ...input, byName, roundId }))
}
