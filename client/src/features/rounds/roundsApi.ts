import type { RoundSnapshot } from '../../../../shared/domain/events'
import type { Round, RoundState } from '../../../../shared/domain/rounds'
import { negotiationPath, request } from '../../api'

export { defaultSnapshotName } from '../../../../shared/domain/rounds'
export type { RoundState }

/** What the chair fills in to open a round. */
export interface NewRound {
  name: string
  place: string
  startDate: string
  endDate: string
}

const path = (negotiationId: string, rest = '') => negotiationPath(negotiationId, `/rounds${rest}`)

/** The rounds of a negotiation with their status and snapshot names. */
export const listRounds = async (negotiationId: string, signal?: AbortSignal) =>
  (await request<{ rounds: RoundState[] }>('GET', path(negotiationId), { signal })).rounds

/** Opens a round (chair). */
export const openRound = (negotiationId: string, round: NewRound) =>
  request<{ round: RoundState }>('POST', path(negotiationId), { body: round })

/** Opens a round announced earlier (chair). */
export const openPlannedRound = (negotiationId: string, roundId: string) =>
  request<{ round: RoundState }>(
    'POST',
    path(negotiationId, `/${encodeURIComponent(roundId)}/open`),
  )

/** Closes a round, freezing the text under a name (chair). */
export const closeRound = (negotiationId: string, roundId: string, snapshotName: string) =>
  request<{ round?: RoundState; snapshot?: RoundSnapshot }>(
    'POST',
    path(negotiationId, `/${encodeURIComponent(roundId)}/close`),
    { body: snapshotName ? { snapshotName } : {} },
  )

/** The frozen text of a closed round. */
export const getRoundText = async (negotiationId: string, roundId: string, signal?: AbortSignal) =>
  (
    await request<{ snapshot: RoundSnapshot }>(
      'GET',
      path(negotiationId, `/${encodeURIComponent(roundId)}/text`),
      { signal },
    )
  ).snapshot

/** Whether a round is closed with a frozen text to read (Oslo, before any text, has none). */
export const hasFrozenText = (round: RoundState): boolean =>
  round.status === 'closed' && round.snapshotName !== null

/** The short place of a round ("Vienna" of "Vienna, Austria"), or its name. */
export const placeOf = (round: Pick<Round, 'place' | 'name'>): string =>
  round.place.split(',')[0]?.trim() || round.name
