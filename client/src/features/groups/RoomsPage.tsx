import type { Principal } from '../../../../shared/domain/policy'
import type { Navigate } from '../../useRoute'

/** The props of the Rooms page. */
export interface RoomsPageProps {
  negotiationId: string
  principal: Principal
  navigate: Navigate
}

/**
 * Rooms (issue 13): the groups the person belongs to — their delegation, their coalitions, their
 * campaign group — each with its private notes, its briefing papers and its drafting room.
 */
export function RoomsPage(_props: RoomsPageProps) {
  return (
    <main className="sheet">
      <h2 className="sheet-title">Rooms</h2>
    </main>
  )
}
