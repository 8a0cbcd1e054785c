import type {
  CampaignAction,
  CampaignActionInput,
  TargetList,
  TargetListInput,
} from '../../../../shared/domain/stances/types'
import { negotiationPath, request } from '../../api'

/** The path of a campaign group's resource: `/api/negotiations/:id/groups/:gid/<rest>`. */
const groupPath = (negotiationId: string, groupId: string, rest: string) =>
  negotiationPath(negotiationId, `/groups/${encodeURIComponent(groupId)}/${rest}`)

/** A group's target lists (403 for anyone outside the group). */
export const listTargets = async (negotiationId: string, groupId: string, signal?: AbortSignal) =>
  (
    await request<{ targetLists: TargetList[] }>(
      'GET',
      groupPath(negotiationId, groupId, 'targets'),
      {
        signal,
      },
    )
  ).targetLists

/** Creates a target list; answers it as stored. */
export const createTarget = async (
  negotiationId: string,
  groupId: string,
  input: TargetListInput,
) =>
  (
    await request<{ targetList: TargetList }>(
      'POST',
      groupPath(negotiationId, groupId, 'targets'),
      {
        body: input,
      },
    )
  ).targetList

/** Replaces a target list's name, description, source and states; answers it as stored. */
export const updateTarget = async (
  negotiationId: string,
  groupId: string,
  listId: string,
  input: TargetListInput,
) =>
  (
    await request<{ targetList: TargetList }>(
      'PUT',
      groupPath(negotiationId, groupId, `targets/${encodeURIComponent(listId)}`),
      { body: input },
    )
  ).targetList

/** Deletes a target list (its states' actions stay in the group's log). */
export const deleteTarget = (negotiationId: string, groupId: string, listId: string) =>
  request<{ removed: string }>(
    'DELETE',
    groupPath(negotiationId, groupId, `targets/${encodeURIComponent(listId)}`),
  )

/** Where a group's target lists download as CSV: a row per list and state, its latest action. */
export const targetsCsvUrl = (negotiationId: string, groupId: string) =>
  groupPath(negotiationId, groupId, 'targets.csv')

/** A group's campaign actions, newest first (of one state when `actorId` is given). */
export const listActions = async (
  negotiationId: string,
  groupId: string,
  actorId?: string,
  signal?: AbortSignal,
) =>
  (
    await request<{ actions: CampaignAction[] }>(
      'GET',
      groupPath(negotiationId, groupId, 'actions') +
        (actorId ? `?actor=${encodeURIComponent(actorId)}` : ''),
      { signal },
    )
  ).actions

/** Logs a campaign action on one state; answers it as stored. */
export const addAction = async (
  negotiationId: string,
  groupId: string,
  input: CampaignActionInput,
) =>
  (
    await request<{ action: CampaignAction }>(
      'POST',
      groupPath(negotiationId, groupId, 'actions'),
      {
        body: input,
      },
    )
  ).action
