import { useMemo } from 'react'
import { groupNamesOf, useGroupViews } from '../groups/useGroupViews'

/**
 * The names of the negotiation's groups by id (campaign groups, coalitions, the person's
 * delegation), for notes ("by CMC"); until the list arrives a note names its group by id.
 */
export function useGroupNames(negotiationId: string): ReadonlyMap<string, string> {
  const { groups } = useGroupViews(negotiationId)
  return useMemo(() => groupNamesOf(groups), [groups])
}
