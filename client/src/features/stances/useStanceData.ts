import { useCallback, useEffect, useState } from 'react'
import type { Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import { request } from '../../api'
import type { Navigate } from '../../useRoute'

/** What the issues, positions, map and targets pages are given. */
export interface StancePageProps {
  negotiationId: string
  principal: Principal
  rounds: Round[]
  navigate: Navigate
}

/** What the stances hook holds: the data once loaded, an error sentence, and a reload. */
export interface StanceDataHandle {
  data: StanceData | null
  error: string | null
  reload: () => void
}

/** Everything the reader may see of who stands where (`GET .../stances`), reloadable. */
export function useStanceData(negotiationId: string): StanceDataHandle {
  const [data, setData] = useState<StanceData | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    const abort = new AbortController()
    request<StanceData>('GET', `/api/negotiations/${encodeURIComponent(negotiationId)}/stances`, {
      signal: abort.signal,
    }).then(
      (d) => {
        setData(d)
        setError(null)
      },
      (e: unknown) => !abort.signal.aborted && setError((e as Error).message),
    )
    return () => abort.abort()
  }, [negotiationId, generation])
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { data, error, reload }
}
