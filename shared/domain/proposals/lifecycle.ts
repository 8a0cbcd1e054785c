import type { Principal } from '../policy'
import type { Proposal, ProposalStatus, StatusChange } from './types'

/** A command that moves a proposal through its lifecycle. */
export type LifecycleCommand =
  | { type: 'table' }
  | { type: 'withdraw' }
  | { type: 'bracket' }
  | { type: 'consult' }
  | { type: 'incorporate' }
  | { type: 'reject' }
  | { type: 'defer'; roundId: string }
  | { type: 'reopen' }

/** The name of a lifecycle command. */
export type LifecycleCommandType = LifecycleCommand['type']

/** Who is acting, when and in which round; `knownRounds` are the negotiation's round ids in order. */
export interface TransitionContext {
  principal: Principal
  byName: string
  at: string
  roundId: string | null
  knownRounds: readonly string[]
}

/** The outcome of a command: the new status and its history entry, or why not. */
export type TransitionResult =
  { ok: true; status: ProposalStatus; change: StatusChange } | { ok: false; reason: string }

/** The parts of a proposal the lifecycle looks at. */
export type LifecycleFacts = Pick<Proposal, 'status' | 'sponsors' | 'coSponsors' | 'history'>

/** Applies a lifecycle command to a proposal, or says in a sentence why it may not. */
export function transition(
  proposal: LifecycleFacts,
  command: LifecycleCommand,
  ctx: TransitionContext,
): TransitionResult {
  void proposal
  void command
  void ctx
  throw new Error('not implemented')
}

/** The commands a principal may give on a proposal now, for the UI's buttons. */
export function allowedCommands(
  proposal: LifecycleFacts,
  principal: Principal,
): LifecycleCommandType[] {
  void proposal
  void principal
  throw new Error('not implemented')
}
