import { Router } from 'express'
import type { ProposalRouteDeps } from './proposals'

/**
 * Issues, statements and briefing papers, after negotiationGate (routes added as they are built).
 */
export function issueRoutes(_deps: ProposalRouteDeps): Router {
  return Router()
}
