import { Router } from 'express'
import type { TextEditTracker } from '../history/TextEditTracker'
import type { ProposalRouteDeps } from './proposals'

/** What the session routes need: the proposal routes' deps and the text-edit tracker. */
export interface SessionRouteDeps extends ProposalRouteDeps {
  edits?: TextEditTracker
}

/**
 * Parallel sessions (issue 13), after negotiationGate: the board (GET .../sessions), the chair's
 * create, change and open, the facilitators' report back, and the chair's review and apply of a
 * session's articles into the main text.
 */
export function sessionRoutes(_deps: SessionRouteDeps): Router {
  const router = Router()
  return router
}
