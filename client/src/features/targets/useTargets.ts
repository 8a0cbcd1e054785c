import { useCallback, useEffect, useState } from 'react'
import type {
  CampaignAction,
  CampaignActionInput,
  TargetList,
  TargetListInput,
} from '../../../../shared/domain/stances/types'
import {
  addAction,
  createTarget,
  deleteTarget,
  listActions,
  listTargets,
  updateTarget,
} from './targetsApi'

/** A group's target lists and campaign actions as loaded, and the changes the page makes. */
export interface TargetsHandle {
  lists: TargetList[] | null
  /** Every action of the group, newest first. */
  actions: CampaignAction[]
  error: string | null
  create: (input: TargetListInput) => Promise<TargetList>
  update: (listId: string, input: TargetListInput) => Promise<TargetList>
  remove: (listId: string) => Promise<void>
  log: (input: CampaignActionInput) => Promise<CampaignAction>
}

// Newest first: by the day of the action, then by when it was logged.
const newestFirst = (a: CampaignAction, b: CampaignAction) =>
  b.date.localeCompare(a.date) || b.recordedAt.localeCompare(a.recordedAt)

/** Loads a campaign group's target lists and actions (the group's members only may). */
export function useTargets(negotiationId: string, groupId: string): TargetsHandle {
  const [lists, setLists] = useState<TargetList[] | null>(null)
  const [actions, setActions] = useState<CampaignAction[]>([])
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    Promise.all([
      listTargets(negotiationId, groupId, abort.signal),
      listActions(negotiationId, groupId, undefined, abort.signal),
    ]).then(
      ([l, a]) => {
        setLists(l)
        setActions([...a].sort(newestFirst))
        setError(null)
      },
      (e: unknown) => !abort.signal.aborted && setError((e as Error).message),
    )
    return () => abort.abort()
  }, [negotiationId, groupId])

  const create = useCallback(
    async (input: TargetListInput) => {
      const list = await createTarget(negotiationId, groupId, input)
      setLists((ls) => [...(ls ?? []), list])
      return list
    },
    [negotiationId, groupId],
  )
  const update = useCallback(
    async (listId: string, input: TargetListInput) => {
      const list = await updateTarget(negotiationId, groupId, listId, input)
      setLists((ls) => (ls ?? []).map((l) => (l.id === listId ? list : l)))
      return list
    },
    [negotiationId, groupId],
  )
  const remove = useCallback(
    async (listId: string) => {
      await deleteTarget(negotiationId, groupId, listId)
      setLists((ls) => (ls ?? []).filter((l) => l.id !== listId))
    },
    [negotiationId, groupId],
  )
  const log = useCallback(
    async (input: CampaignActionInput) => {
      const action = await addAction(negotiationId, groupId, input)
      setActions((as) => [action, ...as].sort(newestFirst))
      return action
    },
    [negotiationId, groupId],
  )
  return { lists, actions, error, create, update, remove, log }
}
