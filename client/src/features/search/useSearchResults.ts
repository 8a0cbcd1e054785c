import { useEffect, useState } from 'react'
import type { SearchResults } from '../../../../shared/domain/search/results'
import { ApiError } from '../../api'
import { searchNegotiation, type SearchRequest } from './searchApi'

/** How long typing must pause before the server is asked (ms). */
export const SEARCH_DEBOUNCE_MS = 200

/** The results of the last query asked, after a pause in typing; the previous one is cancelled. */
export function useSearchResults(negotiationId: string, query: SearchRequest) {
  const [results, setResults] = useState<SearchResults | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { q, round } = query
  const kinds = query.kinds.join(',')
  useEffect(() => {
    if (!q.trim()) return
    const abort = new AbortController()
    const timer = setTimeout(() => {
      setBusy(true)
      const asked = { q, round, kinds: kinds.split(',') as SearchRequest['kinds'] }
      searchNegotiation(negotiationId, asked, abort.signal)
        .then((r) => {
          setResults(r)
          setError(null)
        })
        .catch((e: unknown) => {
          if (abort.signal.aborted) return
          setError(e instanceof ApiError ? e.message : 'The search did not answer.')
        })
        .finally(() => {
          if (!abort.signal.aborted) setBusy(false)
        })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [negotiationId, q, round, kinds])
  // An emptied box shows nothing, whatever the last answer was.
  const asked = q.trim() !== ''
  return { results: asked ? results : null, error: asked ? error : null, busy: asked && busy }
}
