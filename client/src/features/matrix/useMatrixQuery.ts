import { useCallback, useState } from 'react'
import {
  matrixQueryParams,
  parseMatrixQuery,
  type MatrixQuery,
} from '../../../../shared/domain/stances/matrixQuery'

/**
 * The matrix's query, kept in the address (`?round=vienna&target=list-2`), so that a link or a
 * reload shows the same view; each change replaces the entry rather than adding to history.
 */
export function useMatrixQuery(): [MatrixQuery, (change: Partial<MatrixQuery>) => void] {
  const [query, setQuery] = useState<MatrixQuery>(() => {
    const params = new URLSearchParams(window.location.search)
    return parseMatrixQuery((name) => params.get(name)).query
  })
  const change = useCallback((part: Partial<MatrixQuery>) => {
    setQuery((q) => {
      const next = { ...q, ...part }
      const search = matrixQueryParams(next).toString()
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + (search ? `?${search}` : ''),
      )
      return next
    })
  }, [])
  return [query, change]
}
