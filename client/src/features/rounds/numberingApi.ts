import type { CleaningCounts } from '../../../../shared/domain/brackets'
import { negotiationPath, request } from '../../api'

/** One text's brackets and option blocks: a closed round's frozen text, or now (roundId null). */
export interface TextCleaning extends CleaningCounts {
  roundId: string | null
  name: string
  closedAt: string | null
  articles: number
}

/** Brackets and option blocks per round's frozen text, in round order, then the current text. */
export const cleaningByRound = async (negotiationId: string, signal?: AbortSignal) =>
  (
    await request<{ texts: TextCleaning[] }>('GET', negotiationPath(negotiationId, '/cleaning'), {
      signal,
    })
  ).texts

export { listConcordances, renumberText } from '../outline/concordanceApi'
