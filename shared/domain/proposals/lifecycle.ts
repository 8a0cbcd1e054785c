import { can, effectiveRole, type Principal } from '../policy'
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

/** Every lifecycle command name, in the order the UI shows its buttons. */
export const LIFECYCLE_COMMANDS: readonly LifecycleCommandType[] = [
  'table',
  'bracket',
  'consult',
  'incorporate',
  'reject',
  'defer',
  'reopen',
  'withdraw',
]

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

/** Statuses from which nothing moves. */
export const FINAL_STATUSES: readonly ProposalStatus[] = ['incorporated', 'rejected', 'withdrawn']

// Who may give a command: the chair deciding, or a sponsor's delegation (the chair may also
// table on a sponsor's behalf, but never withdraw: withdrawing is the sponsors' own choice).
type Who = 'chair' | 'sponsor' | 'sponsor-or-chair'

interface Rule {
  from: readonly ProposalStatus[]
  to: ProposalStatus
  who: Who
}

const DECIDABLE: readonly ProposalStatus[] = ['tabled', 'bracketed', 'under-consultation']

const RULES: Record<LifecycleCommandType, Rule> = {
  table: { from: ['draft'], to: 'tabled', who: 'sponsor-or-chair' },
  bracket: { from: ['tabled', 'under-consultation'], to: 'bracketed', who: 'chair' },
  consult: { from: ['tabled', 'bracketed'], to: 'under-consultation', who: 'chair' },
  incorporate: { from: DECIDABLE, to: 'incorporated', who: 'chair' },
  reject: { from: DECIDABLE, to: 'rejected', who: 'chair' },
  defer: { from: DECIDABLE, to: 'deferred', who: 'chair' },
  reopen: { from: ['deferred'], to: 'tabled', who: 'chair' },
  withdraw: { from: [...DECIDABLE, 'draft', 'deferred'], to: 'withdrawn', who: 'sponsor' },
}

const STATUS_NAMES: Record<ProposalStatus, string> = {
  draft: 'draft',
  tabled: 'tabled',
  bracketed: 'bracketed',
  'under-consultation': 'under consultation',
  incorporated: 'incorporated',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  deferred: 'deferred',
}

const VERBS: Record<LifecycleCommandType, string> = {
  table: 'tabled',
  bracket: 'bracketed',
  consult: 'put under consultation',
  incorporate: 'incorporated',
  reject: 'rejected',
  defer: 'deferred',
  reopen: 'reopened',
  withdraw: 'withdrawn',
}

const article = (status: ProposalStatus) =>
  status === 'incorporated' || status === 'under-consultation' ? 'An' : 'A'

/** Why a command does not apply to a proposal in this status, or null when it does. */
export function statusRefusal(
  status: ProposalStatus,
  command: LifecycleCommandType,
): string | null {
  const rule = RULES[command]
  if (rule.from.includes(status)) return null
  if (status === rule.to) return `The proposal is already ${STATUS_NAMES[status]}.`
  if (FINAL_STATUSES.includes(status)) {
    return `${article(status)} ${STATUS_NAMES[status]} proposal cannot be ${VERBS[command]}: the decision is final.`
  }
  if (status === 'draft') return `A draft must be tabled before it can be ${VERBS[command]}.`
  if (command === 'table') return 'The proposal has already been tabled.'
  if (command === 'reopen') return 'Only a deferred proposal can be reopened.'
  if (status === 'deferred') {
    return `A deferred proposal must be reopened before it can be ${VERBS[command]}.`
  }
  return `${article(status)} ${STATUS_NAMES[status]} proposal cannot be ${VERBS[command]}.`
}

// The sponsor for whom a delegate acts, or null when the principal is not one of its delegates.
function ownSponsor(p: Principal, sponsors: readonly string[]): string | null {
  const m = p.membership
  if (effectiveRole(p) !== 'delegate' || m?.role !== 'delegate') return null
  const actorId = sponsors.find((s) => s === m.actorId)
  return actorId !== undefined && can(p, { type: 'act-for', actorId }).ok ? actorId : null
}

/** Whether the principal may give this command on this proposal: the acting actor, or why not. */
function authorise(
  p: Principal,
  proposal: LifecycleFacts,
  who: Who,
): { ok: true; actorId: string | null } | { ok: false; reason: string } {
  const member = can(p, { type: 'read-negotiation' })
  if (!member.ok) return member
  const chair = effectiveRole(p) === 'chair'
  const sponsor = ownSponsor(p, proposal.sponsors)
  if (who !== 'sponsor' && chair) return { ok: true, actorId: null }
  if (who !== 'chair' && sponsor !== null) return { ok: true, actorId: sponsor }
  if (who === 'chair') return { ok: false, reason: 'Only the chair decides on proposals.' }
  if (who === 'sponsor' && chair) {
    return { ok: false, reason: 'Only a sponsoring delegation can withdraw its proposal.' }
  }
  const m = p.membership
  if (m?.role === 'delegate' && proposal.coSponsors.includes(m.actorId)) {
    return {
      ok: false,
      reason: `${m.actorId} co-sponsors this proposal; only its sponsors can ${who === 'sponsor' ? 'withdraw' : 'table'} it.`,
    }
  }
  return {
    ok: false,
    reason:
      who === 'sponsor'
        ? 'Only a sponsoring delegation can withdraw its proposal.'
        : 'Only a sponsoring delegation or the chair can table this proposal.',
  }
}

/** The round a deferred proposal waits for: the target of its latest deferral. */
export function deferredTo(proposal: Pick<Proposal, 'history'>): string | null {
  for (let i = proposal.history.length - 1; i >= 0; i--) {
    const c = proposal.history[i]
    if (c?.to === 'deferred') return c.deferredTo ?? null
  }
  return null
}

// Round order matters for deferral: to a later round, and reopened once that round has come.
function roundRefusal(
  proposal: LifecycleFacts,
  command: LifecycleCommand,
  ctx: TransitionContext,
): string | null {
  const index = (r: string | null) => (r === null ? -1 : ctx.knownRounds.indexOf(r))
  if (command.type === 'defer') {
    if (!ctx.knownRounds.includes(command.roundId)) {
      return `There is no round "${command.roundId}" to defer the proposal to.`
    }
    if (ctx.roundId !== null && index(command.roundId) <= index(ctx.roundId)) {
      return 'A proposal can only be deferred to a later round.'
    }
  }
  if (command.type === 'reopen') {
    const target = deferredTo(proposal)
    if (target !== null && index(ctx.roundId) < index(target)) {
      return `The proposal is deferred to ${target}; it can be reopened when that round comes.`
    }
  }
  return null
}

/** Applies a lifecycle command to a proposal, or says in a sentence why it may not. */
export function transition(
  proposal: LifecycleFacts,
  command: LifecycleCommand,
  ctx: TransitionContext,
): TransitionResult {
  const rule = RULES[command.type]
  if (!rule) throw new RangeError(`Unknown lifecycle command ${String(command.type)}`)
  const bad = statusRefusal(proposal.status, command.type)
  if (bad !== null) return { ok: false, reason: bad }
  const who = authorise(ctx.principal, proposal, rule.who)
  if (!who.ok) return who
  const late = roundRefusal(proposal, command, ctx)
  if (late !== null) return { ok: false, reason: late }
  const change: StatusChange = {
    from: proposal.status,
    to: rule.to,
    byAccountId: ctx.principal.accountId,
    byName: ctx.byName,
    actorId: who.actorId,
    at: ctx.at,
    roundId: ctx.roundId,
  }
  if (command.type === 'defer') change.deferredTo = command.roundId
  return { ok: true, status: rule.to, change }
}

/** The commands a principal may give on a proposal now, for the UI's buttons. */
export function allowedCommands(
  proposal: LifecycleFacts,
  principal: Principal,
): LifecycleCommandType[] {
  return LIFECYCLE_COMMANDS.filter(
    (type) =>
      statusRefusal(proposal.status, type) === null &&
      authorise(principal, proposal, RULES[type].who).ok,
  )
}

/** Whether a status moves to another by some command (for checking recorded histories). */
export function isLegalStep(from: ProposalStatus, to: ProposalStatus): boolean {
  return Object.values(RULES).some((r) => r.to === to && r.from.includes(from))
}
