import { useEffect, useState } from 'react'
import type { Concordance } from '../../../../shared/domain/concordance'
import { negotiationPath, request } from '../../api'

/** A negotiation's renumberings, oldest first. */
export const listConcordances = async (negotiationId: string, signal?: AbortSignal) =>
  (
    await request<{ concordances: Concordance[] }>(
      'GET',
      negotiationPath(negotiationId, '/concordance'),
      { signal },
    )
  ).concordances

/** Renumbers the text from order, recording the concordance (chair). */
export const renumberText = (negotiationId: string) =>
  request<{ concordance: Concordance | null }>('POST', negotiationPath(negotiationId, '/renumber'))

/**
 * The renumberings of a negotiation, read again whenever `key` changes (pass what changes with a
 * renumbering, such as the labels shown); [] until read or if reading fails (numbers then show
 * without their former labels, never wrongly).
 */
export function useConcordances(negotiationId: string, key = ''): Concordance[] {
  const [list, setList] = useState<Concordance[]>([])
  useEffect(() => {
    const abort = new AbortController()
    listConcordances(negotiationId, abort.signal).then(setList, () => {})
    return () => abort.abort()
  }, [negotiationId, key])
  return list
}
