import { guardFormula, writeCsv } from '../csv'
import type { CampaignAction, TargetList } from './types'

// A campaign group's target lists as a spreadsheet, for the group alone.

/** The columns of a group's targets CSV: one row per list and state. */
export const TARGETS_CSV_HEADER = [
  'list',
  'list_name',
  'provenance',
  'source',
  'actor',
  'actor_name',
  'last_action',
  'last_action_date',
  'actions',
] as const

/**
 * Writes a group's lists as CSV, one row per list and state in the lists' order, with each
 * list's provenance and source and the group's latest action on the state (`actions` newest
 * first, as the store answers them). A list without states is one row with the actor empty.
 */
export function targetsCsv(
  lists: readonly TargetList[],
  actions: readonly CampaignAction[],
  actorName: (id: string) => string,
): string {
  const latest = new Map<string, CampaignAction>()
  const count = new Map<string, number>()
  for (const a of actions) {
    if (!latest.has(a.actorId)) latest.set(a.actorId, a)
    count.set(a.actorId, (count.get(a.actorId) ?? 0) + 1)
  }
  const rows = lists.flatMap((l) => {
    const head = [l.id, guardFormula(l.name), l.provenance, guardFormula(l.source)]
    if (l.actorIds.length === 0) return [[...head, '', '', '', '', '0']]
    return l.actorIds.map((id) => {
      const last = latest.get(id)
      return [
        ...head,
        id,
        guardFormula(actorName(id)),
        last?.kind ?? '',
        last?.date ?? '',
        String(count.get(id) ?? 0),
      ]
    })
  })
  return writeCsv([[...TARGETS_CSV_HEADER], ...rows])
}

/** The ids among `actorIds` that `isKnown` does not know, each once, in their order. */
export function unknownActorIds(
  actorIds: readonly string[],
  isKnown: (id: string) => boolean,
): string[] {
  return [...new Set(actorIds.filter((id) => !isKnown(id)))]
}
