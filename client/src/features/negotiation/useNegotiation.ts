import { useCallback, useEffect, useState } from 'react'
import { ApiError, getNegotiation, type NegotiationDetail } from '../../api'

/** A negotiation as loaded for its pages, or why it could not be. */
export interface NegotiationHandle {
  detail: NegotiationDetail | null
  /** Set when the negotiation cannot be shown: unknown, or not the person's. */
  error: ApiError | Error | null
  /** Loads it again, e.g. after the person's role changed. */
  reload: () => void
}

/** Loads one negotiation with the signed-in person's membership in it. */
export function useNegotiation(negotiationId: string): NegotiationHandle {
  const [detail, setDetail] = useState<NegotiationDetail | null>(null)
  const [error, setError] = useState<ApiError | Error | null>(null)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    const abort = new AbortController()
    getNegotiation(negotiationId, abort.signal).then(
      (n) => {
        setDetail(n)
        setError(null)
      },
      (e: unknown) => {
        if (!abort.signal.aborted) setError(e instanceof Error ? e : new Error(String(e)))
      },
    )
    return () => abort.abort()
  }, [negotiationId, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { detail, error, reload }
}
