import { can, effectiveRole, type Principal } from '../../../shared/domain/policy'
import { allowedCommands } from '../../../shared/domain/proposals/lifecycle'
import type { Proposal } from '../../../shared/domain/proposals/types'
import { roomName } from '../../../shared/collab'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import type { Storage } from '../storage/Storage'
import { anchorStatus, textView, type TextView } from './anchors'
import type { SerialQueue } from './SerialQueue'
import { draftAccess } from './visibility'

/** Who runs a proposal command in which negotiation, and what it runs against. */
export interface ProposalContext {
  storage: Storage
  registry: RoomRegistry
  /** Serialises the proposal commands of each negotiation. */
  queue: SerialQueue
  principal: Principal
  /** The display name recorded in history. */
  byName: string
  negotiationId: string
}

/** The text room of the context's negotiation. */
export const textRoom = (ctx: ProposalContext): string =>
  roomName({ negotiationId: ctx.negotiationId, kind: 'text' })

/**
 * 403 unless the principal may give proposal commands at all (the chair, or a delegation):
 * observers and campaigners are refused the same way whatever the proposal, known or not.
 */
export function requireActor(ctx: ProposalContext): void {
  const role = effectiveRole(ctx.principal)
  if (role === 'chair' || role === 'delegate') return
  // The policy's own sentence for acting in a state's name without being a delegation.
  const decision = can(ctx.principal, { type: 'act-for', actorId: '' })
  const reason = decision.ok ? 'Only delegations and the chair do this.' : decision.reason
  throw new HttpError(403, 'forbidden', reason)
}

const notFound = (id: string) =>
  new HttpError(404, 'proposal_not_found', `No proposal "${id}" in this negotiation.`)

/** A proposal the principal may see; 404 alike for unknown ids and others' drafts. */
export async function findVisible(ctx: ProposalContext, id: string): Promise<Proposal> {
  const proposal = await ctx.storage.proposals.get(ctx.negotiationId, id)
  if (!proposal || draftAccess(ctx.principal, proposal) === 'none') throw notFound(id)
  return proposal
}

/** Reads the live text (or its stored state) as ProseMirror sees it. */
export function readText<T>(ctx: ProposalContext, read: (view: TextView) => T): Promise<T> {
  return ctx.registry.read(textRoom(ctx), (ydoc) => read(textView(ydoc)))
}

/**
 * A proposal as the API shows it: with, computed now, whether its anchored words are still in
 * the text (`anchorState`, `anchorText`) and which lifecycle commands the caller may give.
 */
export function proposalJson(ctx: ProposalContext, proposal: Proposal, view: TextView) {
  return {
    ...proposal,
    ...anchorStatus(view, proposal),
    allowedCommands: allowedCommands(proposal, ctx.principal),
  }
}
