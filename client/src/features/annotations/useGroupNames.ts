import { useEffect, useState } from 'react'
import { listGroups } from '../members/membersApi'

/** The names of the negotiation's campaign groups by id, for published notes ("by CMC"). */
export function useGroupNames(negotiationId: string): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    const abort = new AbortController()
    listGroups(negotiationId, abort.signal).then(
      (groups) => setNames(new Map(groups.map((g) => [g.id, g.name]))),
      () => {
        // Without the list a published note names its group by id.
      },
    )
    return () => abort.abort()
  }, [negotiationId])
  return names
}
