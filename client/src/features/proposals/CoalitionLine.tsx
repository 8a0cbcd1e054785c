import type { Proposal } from '../../../../shared/domain/proposals'
import { useGroupViews } from '../groups/useGroupViews'

interface CoalitionLineProps {
  negotiationId: string
  proposal: Pick<Proposal, 'coalitionId'>
}

/** "Coalition: Core group" on a proposal drafted in a coalition's name; nothing otherwise. */
export function CoalitionLine({ negotiationId, proposal }: CoalitionLineProps) {
  const { groups } = useGroupViews(negotiationId)
  const id = proposal.coalitionId
  if (!id) return null
  const name = groups?.find((g) => g.id === id)?.name ?? id
  return (
    <p className="card-coalition" data-testid="card-coalition">
      Coalition: {name}
    </p>
  )
}
