import type { Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import type { Navigate } from '../../useRoute'

/** The props of the Sessions board and of one session's page. */
export interface SessionsPageProps {
  negotiationId: string
  principal: Principal
  rounds: Round[]
  navigate: Navigate
  /** The session whose text is shown; none: the board. */
  sessionId?: string
}

/**
 * Sessions (issue 13): the board of the day's sessions — articles, facilitator, status, whether
 * observers may follow —, the chair's form, and a session's page with its working text.
 */
export function SessionsPage(_props: SessionsPageProps) {
  return (
    <main className="sheet">
      <h2 className="sheet-title">Sessions</h2>
    </main>
  )
}
