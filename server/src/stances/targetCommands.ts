import { randomUUID } from 'node:crypto'
import { targetsCsv, unknownActorIds } from '../../../shared/domain/stances/targets'
import {
  CampaignActionInputSchema,
  TargetListInputSchema,
  type CampaignAction,
  type TargetList,
} from '../../../shared/domain/stances/types'
import type { CommandContext } from '../actors/participantCommands'
import { getActor, isKnownActor } from '../actors/catalogue'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { askerName, authorizeCommand } from './declarationCommands'

// A campaign group's target lists and campaign actions: private to the group. Every command
// asks `group-work` first, so that anyone else gets the same 403 whether or not the group or the
// list exists; nothing here appends an event (the log is read by every member).

const LIST_ID = /^[a-z0-9][a-z0-9-]{0,63}$/

function knownActors(actorIds: readonly string[]): void {
  const unknown = unknownActorIds(actorIds, isKnownActor)
  if (unknown.length > 0) {
    throw new HttpError(
      400,
      'unknown_actor',
      `No state or organisation ${unknown.map((id) => `"${id}"`).join(', ')}.`,
      { actorIds: unknown },
    )
  }
}

// An id from a list's name: "List 1: strengthen support" → list-1-strengthen-support.
const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || `list-${randomUUID().slice(0, 8)}`

async function listOf(ctx: CommandContext, groupId: string, listId: string): Promise<TargetList> {
  const found = LIST_ID.test(listId)
    ? await ctx.storage.campaign.getTarget(ctx.negotiationId, groupId, listId)
    : null
  if (!found) throw new HttpError(404, 'unknown_target_list', `No target list "${listId}".`)
  return found
}

/** The group's target lists, for its members. */
export async function listTargets(ctx: CommandContext, groupId: string) {
  authorizeCommand(ctx, { type: 'group-work', groupId })
  return { targetLists: await ctx.storage.campaign.listTargets(ctx.negotiationId, groupId) }
}

/** Adds a target list to the group (its members); its id from the name unless given. */
export async function createTarget(ctx: CommandContext, groupId: string, body: unknown) {
  authorizeCommand(ctx, { type: 'group-work', groupId })
  const input = parseBody(TargetListInputSchema, body)
  knownActors(input.actorIds)
  const id = input.id ?? slug(input.name)
  if (await ctx.storage.campaign.getTarget(ctx.negotiationId, groupId, id)) {
    throw new HttpError(409, 'target_list_taken', `The group has a list "${id}".`)
  }
  const list: TargetList = {
    ...input,
    id,
    negotiationId: ctx.negotiationId,
    groupId,
    actorIds: [...new Set(input.actorIds)],
  }
  await ctx.storage.atomically(async (tx) => tx.campaign.putTarget(list))
  return { targetList: list }
}

/** Replaces a list's name, description, source, provenance and states (the group's members). */
export async function changeTarget(
  ctx: CommandContext,
  groupId: string,
  listId: string,
  body: unknown,
) {
  authorizeCommand(ctx, { type: 'group-work', groupId })
  const input = parseBody(TargetListInputSchema, body)
  await listOf(ctx, groupId, listId)
  if (input.id !== undefined && input.id !== listId) {
    throw new HttpError(400, 'invalid_request', 'id: a target list keeps its id.')
  }
  knownActors(input.actorIds)
  const list: TargetList = {
    ...input,
    id: listId,
    negotiationId: ctx.negotiationId,
    groupId,
    actorIds: [...new Set(input.actorIds)],
  }
  await ctx.storage.atomically(async (tx) => tx.campaign.putTarget(list))
  return { targetList: list }
}

/** Removes a list (the group's members); the actions on its states stay. */
export async function removeTarget(ctx: CommandContext, groupId: string, listId: string) {
  authorizeCommand(ctx, { type: 'group-work', groupId })
  await listOf(ctx, groupId, listId)
  await ctx.storage.atomically(async (tx) =>
    tx.campaign.removeTarget(ctx.negotiationId, groupId, listId),
  )
  return { removed: listId }
}

/** The group's lists as CSV, one row per list and state, with the latest action on each. */
export async function exportTargetsCsv(ctx: CommandContext, groupId: string) {
  authorizeCommand(ctx, { type: 'group-work', groupId })
  const [lists, actions] = await Promise.all([
    ctx.storage.campaign.listTargets(ctx.negotiationId, groupId),
    ctx.storage.campaign.listActions(ctx.negotiationId, groupId),
  ])
  return {
    filename: `${ctx.negotiationId}-${groupId}-targets.csv`,
    csv: targetsCsv(lists, actions, (id) => getActor(id)?.name ?? id),
  }
}

/** The group's campaign actions, newest first; of one actor if `actorId` is given. */
export async function listActions(ctx: CommandContext, groupId: string, actorId?: string) {
  authorizeCommand(ctx, { type: 'group-work', groupId })
  return { actions: await ctx.storage.campaign.listActions(ctx.negotiationId, groupId, actorId) }
}

/** Logs a letter, meeting, call or briefing on one state (the group's members). */
export async function addAction(ctx: CommandContext, groupId: string, body: unknown) {
  authorizeCommand(ctx, { type: 'group-work', groupId })
  const input = parseBody(CampaignActionInputSchema, body)
  knownActors([input.actorId])
  const action: CampaignAction = {
    ...input,
    id: randomUUID(),
    negotiationId: ctx.negotiationId,
    groupId,
    recordedAt: new Date().toISOString(),
    recordedBy: await askerName(ctx),
  }
  await ctx.storage.atomically(async (tx) => tx.campaign.addAction(action))
  return { action }
}
