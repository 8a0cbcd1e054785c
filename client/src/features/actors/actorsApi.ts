import { negotiationPath, request } from '../../api'
import type { Actor, Flag, Flags, RoundRecord } from '../../../../shared/domain/actors'

export type { Actor, RoundRecord }

/** One flag's key. */
export type FlagKey = Flag

/** Labels of the flags, in the spreadsheet's column order. */
export const FLAG_LABELS: Record<FlagKey, string> = {
  user: 'User',
  producer: 'Producer',
  stockpiler: 'Stockpiler',
  affected: 'Affected',
}

/** An actor taking part in a negotiation, with its flags and its record per round. */
export interface Participant {
  actor: Actor
  flags: Flags
  note: string
  rounds: Record<string, RoundRecord>
}

/** Every state and organisation Plenary knows (for choosing a delegate's actor). */
export const listActors = async (signal?: AbortSignal) =>
  (await request<{ actors: Actor[] }>('GET', '/api/actors', { signal })).actors

/** The participants of a negotiation. */
export const listParticipants = async (negotiationId: string, signal?: AbortSignal) =>
  (
    await request<{ participants: Participant[] }>(
      'GET',
      negotiationPath(negotiationId, '/participants'),
      { signal },
    )
  ).participants

/** Where the participants download as CSV. */
export const participantsCsvUrl = (negotiationId: string) =>
  negotiationPath(negotiationId, '/participants.csv')

/** Replaces the participants with a CSV file's rows (chair); answers the new list. */
export const uploadParticipantsCsv = (negotiationId: string, csv: string) =>
  request<{ participants: Participant[] }>(
    'POST',
    negotiationPath(negotiationId, '/participants.csv'),
    { body: csv, contentType: 'text/csv' },
  )

/** Records attendance or endorsement of one actor in one round; answers the participant. */
export const setRoundRecord = async (
  negotiationId: string,
  actorId: string,
  roundId: string,
  change: Partial<RoundRecord>,
) =>
  (
    await request<{ participant: Participant }>(
      'PUT',
      negotiationPath(
        negotiationId,
        `/participants/${encodeURIComponent(actorId)}/rounds/${encodeURIComponent(roundId)}`,
      ),
      { body: change },
    )
  ).participant
