import { randomBytes } from 'node:crypto'
import { updateYFragment } from 'y-prosemirror'
import { z } from 'zod'
import { CloseCode, TEXT_FRAGMENT } from '../../../shared/collab'
import { incorporate } from '../../../shared/domain/proposals/incorporate'
import {
  allowedCommands,
  statusRefusal,
  transition,
  type LifecycleCommand,
} from '../../../shared/domain/proposals/lifecycle'
import type { EventType } from '../../../shared/domain/events'
import type { Proposal, StatusChange } from '../../../shared/domain/proposals/types'
import { wordingSchema } from '../../../shared/schema/wordingSchema'
import type { Room } from '../collab/Room'
import { newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import type { StorageTransaction } from '../storage/Storage'
import { resolveAnchor, textView } from './anchors'
import { commandOrigin, commitAtomically } from './commit'
import {
  findVisible,
  proposalJson,
  readText,
  requireActor,
  textRoom,
  type ProposalContext,
} from './context'
import { currentRound } from './currentRound'
import { putProposal, registerRoom } from './register'
import { draftRoom } from './visibility'
import { snapshotWording } from './wording'

const Note = z.string().trim().max(2000).optional()

/** The chair's decisions: bracket, consult, incorporate, reject, defer to a round. */
export const DecisionBody = z.object({
  decision: z.enum(['bracket', 'consult', 'incorporate', 'reject', 'defer']),
  roundId: z.string().min(1).max(64).optional(),
  note: Note,
})

const NoteBody = z.object({ note: Note })

/** Tables, withdraws or reopens a proposal (`body` may carry a note). */
export async function moveProposal(
  ctx: ProposalContext,
  id: string,
  type: 'table' | 'withdraw' | 'reopen',
  body: unknown,
) {
  const { note } = parseBody(NoteBody, body)
  return runCommand(ctx, id, { type }, note)
}

/** Records a chair's decision on a proposal. */
export async function decideProposal(ctx: ProposalContext, id: string, body: unknown) {
  const { decision, roundId, note } = parseBody(DecisionBody, body)
  if (decision === 'defer' && roundId === undefined) {
    throw new HttpError(400, 'invalid_request', 'roundId: name the round to defer the proposal to.')
  }
  const command: LifecycleCommand =
    decision === 'defer' ? { type: 'defer', roundId: roundId ?? '' } : { type: decision }
  return runCommand(ctx, id, command, note)
}

// Authenticate, ask the lifecycle, then store the new status with whatever the command changes
// in the rooms, all at once; one command per negotiation at a time.
async function runCommand(
  ctx: ProposalContext,
  id: string,
  command: LifecycleCommand,
  note: string | undefined,
) {
  requireActor(ctx)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const proposal = await findVisible(ctx, id)
    const illegal = statusRefusal(proposal.status, command.type)
    if (illegal !== null) throw new HttpError(409, 'illegal_transition', illegal)
    const rounds = await ctx.storage.listRounds(ctx.negotiationId)
    const result = transition(proposal, command, {
      principal: ctx.principal,
      byName: ctx.byName,
      at: new Date().toISOString(),
      roundId: currentRound(rounds)?.id ?? null,
      knownRounds: rounds.map((r) => r.id),
    })
    if (!result.ok) {
      // The lifecycle refuses who may not give the command (403) and what may not happen now.
      const permitted = allowedCommands(proposal, ctx.principal).includes(command.type)
      throw new HttpError(
        permitted ? 409 : 403,
        permitted ? 'illegal_transition' : 'forbidden',
        result.reason,
      )
    }
    const change: StatusChange = note ? { ...result.change, note } : result.change
    const next: Proposal = {
      ...proposal,
      status: result.status,
      history: [...proposal.history, change],
    }
    const record = async (tx: StorageTransaction, p: Proposal) => {
      await tx.proposals.put(p)
      await tx.proposals.addStatusChange(ctx.negotiationId, p.id, change)
      await tx.events.append(lifecycleEvent(ctx, p, command, change))
    }
    const origin = commandOrigin(command.type)
    const register = registerRoom(ctx.negotiationId)
    if (command.type === 'table') {
      const draft = draftRoom(ctx.negotiationId, id)
      const tabled = await ctx.registry.withRooms([draft, register], async ([d, r]) => {
        const wording = snapshotWording((d as Room).doc)
        if (!wording) {
          throw new HttpError(409, 'invalid_wording', 'The draft wording is not valid text yet.')
        }
        const seq = (await ctx.storage.proposals.maxTabledSeq(ctx.negotiationId)) + 1
        const p = { ...next, wording: wording.json, wordingText: wording.text, tabledSeq: seq }
        await commitAtomically(
          ctx.storage,
          origin,
          [{ room: r as Room, change: (doc) => putProposal(doc, p) }],
          (tx) => record(tx, p),
        )
        return p
      })
      // Its writers' connections reconnect, read-only now, like everyone else's.
      await ctx.registry.closeRoom(
        draft,
        CloseCode.MembershipChanged,
        'The proposal was tabled; its draft is read-only now.',
      )
      return reply(ctx, tabled)
    }
    if (command.type === 'incorporate') {
      await ctx.registry.withRooms([textRoom(ctx), register], ([t, r]) =>
        incorporateInto(ctx, t as Room, r as Room, next, record),
      )
      return reply(ctx, next)
    }
    await ctx.registry.withRooms([register], ([r]) =>
      commitAtomically(
        ctx.storage,
        origin,
        [{ room: r as Room, change: (doc) => putProposal(doc, next) }],
        (tx) => record(tx, next),
      ),
    )
    return reply(ctx, next)
  })
}

const EVENT_OF: Partial<Record<LifecycleCommand['type'], EventType>> = {
  table: 'proposal-tabled',
  withdraw: 'proposal-withdrawn',
  reopen: 'proposal-reopened',
}

// The log's record of a status change: tabled, withdrawn, reopened, or one of the chair's decisions.
function lifecycleEvent(
  ctx: ProposalContext,
  p: Proposal,
  command: LifecycleCommand,
  change: StatusChange,
) {
  return newEvent({
    negotiationId: ctx.negotiationId,
    type: EVENT_OF[command.type] ?? 'proposal-decided',
    at: change.at,
    accountId: change.byAccountId,
    byName: change.byName,
    actorId: change.actorId,
    roundId: change.roundId,
    articleId: p.articleId,
    proposalId: p.id,
    data: {
      ...(EVENT_OF[command.type] ? {} : { decision: command.type }),
      from: change.from,
      to: change.to,
      ...(p.tabledSeq === null ? {} : { tabledSeq: p.tabledSeq }),
      ...(change.deferredTo ? { deferredTo: change.deferredTo } : {}),
      ...(change.note ? { note: change.note } : {}),
    },
  })
}

const reply = (ctx: ProposalContext, p: Proposal) =>
  readText(ctx, (view) => ({ proposal: proposalJson(ctx, p, view) }))

// Replaces the anchored words in the live text with the wording, atomically with the status,
// the register and the tables; an anchor whose words are gone is refused, nothing changed.
async function incorporateInto(
  ctx: ProposalContext,
  text: Room,
  register: Room,
  next: Proposal,
  record: (tx: StorageTransaction, p: Proposal) => Promise<void>,
) {
  const view = textView(text.doc)
  const range = next.anchor ? resolveAnchor(view, next.anchor, next.articleId) : null
  if (next.anchor && !range) {
    throw new HttpError(
      409,
      'anchor_orphaned',
      `The words this proposal amends ("${next.anchor.quote}") are no longer in the text, so it cannot be incorporated.`,
    )
  }
  const wording = next.wording === null ? null : wordingSchema.nodeFromJSON(next.wording)
  const newArticleId = `art-${randomBytes(4).toString('hex')}`
  const result = incorporate(view.doc, next, range, wording, { newArticleId })
  if (!result.ok) throw new HttpError(409, 'cannot_incorporate', result.reason)
  await commitAtomically(
    ctx.storage,
    commandOrigin('incorporate'),
    [
      {
        room: text,
        change: (ydoc) =>
          updateYFragment(ydoc, ydoc.getXmlFragment(TEXT_FRAGMENT), result.doc, {
            mapping: new Map(),
            isOMark: new Map(),
          }),
      },
      { room: register, change: (doc) => putProposal(doc, next) },
    ],
    (tx) => record(tx, next),
  )
}
