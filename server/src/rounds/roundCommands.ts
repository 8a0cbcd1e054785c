import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { z } from 'zod'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { can, type Principal } from '../../../shared/domain/policy'
import {
  RoundSchema,
  defaultSnapshotName,
  type Round,
  type RoundState,
} from '../../../shared/domain/rounds'
import { treatySchema } from '../../../shared/schema'
import type { Room } from '../collab/Room'
import type { RoomRegistry } from '../collab/rooms'
import { newEvent } from '../history/events'
import type { TextEditTracker } from '../history/TextEditTracker'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { FREEZE_ORIGIN } from '../numbering/commands'
import { freezeLabels } from '../numbering/labelWrites'
import { freeSlug, slugify } from '../negotiations/slug'
import { commitAtomically } from '../proposals/commit'
import type { SerialQueue } from '../proposals/SerialQueue'
import type { StoredRoundSnapshot } from '../storage/RoundStore'
import type { Storage } from '../storage/Storage'

/** Who runs a round command in which negotiation, with what. */
export interface RoundContext {
  storage: Storage
  registry: RoomRegistry
  /** Serialises the commands of a negotiation (shared with proposals: deferral reads rounds). */
  queue: SerialQueue
  /** Summaries of text edits, written out before a round's text is frozen. */
  edits?: TextEditTracker
  principal: Principal
  byName: string
  negotiationId: string
}

// The round fields of RoundSchema, with the id optional (made from place and year) and
// whether to open it now (the default) or only announce it.
const OpenBody = z.object({
  id: z.string().optional(),
  open: z.boolean().optional(),
})

const CloseBody = z.object({ snapshotName: z.string().trim().min(1).max(200).optional() })

/** A frozen text as the API gives it: without the Yjs state. */
export const snapshotJson = ({ state: _state, ...snapshot }: StoredRoundSnapshot) => snapshot

function requireChair(ctx: RoundContext): void {
  const decision = can(ctx.principal, { type: 'manage-rounds' })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
}

const roundNotFound = (id: string) =>
  new HttpError(404, 'round_not_found', `No round "${id}" in this negotiation.`)

/** The rounds of a negotiation with their status and the names of their frozen texts. */
export async function listRounds(ctx: RoundContext) {
  return { rounds: await ctx.storage.rounds.list(ctx.negotiationId) }
}

/**
 * Adds a round (chair) and opens it, unless `open: false` announces it for later (a deferral
 * needs a later round to name). Only one round is open at a time.
 */
export async function createRound(ctx: RoundContext, body: unknown) {
  requireChair(ctx)
  const { id, open } = parseBody(OpenBody, body)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const rounds = await ctx.storage.rounds.list(ctx.negotiationId)
    const draft = (body ?? {}) as Record<string, unknown>
    const base = slugify(
      `${String(draft.place ?? '').split(',')[0]} ${String(draft.startDate ?? '').slice(0, 4)}`,
    )
    const roundId = id ?? (await freeSlug(base, async (c) => rounds.some((r) => r.id === c)))
    const round: Round = parseBody(RoundSchema, { ...draft, id: roundId })
    if (rounds.some((r) => r.id === round.id)) {
      throw new HttpError(409, 'round_exists', `There is a round "${round.id}" already.`)
    }
    if (open !== false) refuseIfOpen(rounds)
    const at = new Date().toISOString()
    await ctx.storage.atomically(async (tx) => {
      await tx.rounds.add(ctx.negotiationId, round)
      if (open === false) return
      await tx.rounds.open(ctx.negotiationId, round.id, at)
      await tx.events.append(
        roundEvent(ctx, 'round-opened', round.id, at, { name: round.name, place: round.place }),
      )
    })
    return { round: await findRound(ctx, round.id) }
  })
}

/** Opens an announced round (chair). */
export async function openRound(ctx: RoundContext, roundId: string) {
  requireChair(ctx)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const rounds = await ctx.storage.rounds.list(ctx.negotiationId)
    const round = rounds.find((r) => r.id === roundId)
    if (!round) throw roundNotFound(roundId)
    if (round.status !== 'planned') {
      throw new HttpError(409, 'round_not_planned', `${round.name} is ${round.status} already.`)
    }
    refuseIfOpen(rounds)
    const at = new Date().toISOString()
    await ctx.storage.atomically(async (tx) => {
      await tx.rounds.open(ctx.negotiationId, roundId, at)
      await tx.events.append(
        roundEvent(ctx, 'round-opened', roundId, at, { name: round.name, place: round.place }),
      )
    })
    return { round: await findRound(ctx, roundId) }
  })
}

/**
 * Closes the open round (chair), freezing the whole text as it is now under a name
 * ("Vienna Discussion Text"): its ProseMirror JSON and Yjs state, with the round-closed event,
 * in one transaction. Pending edit summaries are written first, so the log reads in order.
 */
export async function closeRound(ctx: RoundContext, roundId: string, body: unknown) {
  requireChair(ctx)
  const { snapshotName } = parseBody(CloseBody, body)
  return ctx.queue.run(ctx.negotiationId, async () => {
    const round = (await ctx.storage.rounds.list(ctx.negotiationId)).find((r) => r.id === roundId)
    if (!round) throw roundNotFound(roundId)
    if (round.status !== 'open') {
      throw new HttpError(
        409,
        'round_not_open',
        `${round.name} is not open, so it cannot be closed.`,
      )
    }
    await ctx.edits?.flush(ctx.negotiationId)
    const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
    // Inside the text room's queue, so that no edit lands between reading and freezing.
    const snapshot = await ctx.registry.withRooms([text], async ([room]) => {
      let frozen: StoredRoundSnapshot | undefined
      // Numbers freeze with the text: the labels readers saw become fixed in the live text (an
      // article inserted later reads "2 bis"), stored with the round's close and its event.
      await commitAtomically(
        ctx.storage,
        FREEZE_ORIGIN,
        [{ room: room as Room, change: (doc) => freezeLabels(doc.getXmlFragment(TEXT_FRAGMENT)) }],
        async (tx) => {
          const ydoc = (room as Room).doc
          frozen = {
            roundId,
            name: snapshotName ?? defaultSnapshotName(round),
            closedAt: new Date().toISOString(),
            closedBy: ctx.byName,
            doc: yXmlFragmentToProseMirrorRootNode(
              ydoc.getXmlFragment(TEXT_FRAGMENT),
              treatySchema,
            ).toJSON(),
            state: Y.encodeStateAsUpdate(ydoc),
          }
          await tx.rounds.close(ctx.negotiationId, frozen)
          await tx.events.append(
            roundEvent(ctx, 'round-closed', roundId, frozen.closedAt, {
              snapshotName: frozen.name,
            }),
          )
        },
      )
      if (!frozen) throw new Error('closing the round froze nothing')
      return frozen
    })
    return { round: await findRound(ctx, roundId), snapshot: snapshotJson(snapshot) }
  })
}

/** The text frozen when a round closed; 404 for an unknown round or one not closed. */
export async function roundText(ctx: RoundContext, roundId: string) {
  const snapshot = await ctx.storage.rounds.snapshot(ctx.negotiationId, roundId)
  if (!snapshot) {
    const known = (await ctx.storage.rounds.list(ctx.negotiationId)).some((r) => r.id === roundId)
    if (!known) throw roundNotFound(roundId)
    throw new HttpError(404, 'round_not_closed', 'This round has no frozen text: it is not closed.')
  }
  return { snapshot: snapshotJson(snapshot) }
}

function refuseIfOpen(rounds: readonly RoundState[]): void {
  const open = rounds.find((r) => r.status === 'open')
  if (open) {
    throw new HttpError(409, 'round_open', `${open.name} is open; close it before opening another.`)
  }
}

async function findRound(ctx: RoundContext, roundId: string): Promise<RoundState | undefined> {
  return (await ctx.storage.rounds.list(ctx.negotiationId)).find((r) => r.id === roundId)
}

const roundEvent = (
  ctx: RoundContext,
  type: 'round-opened' | 'round-closed',
  roundId: string,
  at: string,
  data: Record<string, unknown>,
) =>
  newEvent({
    negotiationId: ctx.negotiationId,
    type,
    at,
    accountId: ctx.principal.accountId,
    byName: ctx.byName,
    roundId,
    data,
  })
