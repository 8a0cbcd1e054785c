import type { SearchKind } from '../../../../shared/domain/search/query'
import type { SearchResults } from '../../../../shared/domain/search/results'
import { negotiationPath, request } from '../../api'

/** What to search for, and where. */
export interface SearchRequest {
  q: string
  /** 'current' or a closed round's id. */
  round: string
  kinds: SearchKind[]
}

/** Searches a negotiation on the server: only what the signed-in person may read comes back. */
export function searchNegotiation(
  negotiationId: string,
  { q, round, kinds }: SearchRequest,
  signal?: AbortSignal,
): Promise<SearchResults> {
  const params = new URLSearchParams({ q, round, kinds: kinds.join(','), limit: '20' })
  return request<SearchResults>('GET', negotiationPath(negotiationId, `/search?${params}`), {
    signal,
  })
}
