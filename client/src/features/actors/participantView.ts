import type { Round } from '../../../../shared/domain/rounds'
import type { FlagKey, Participant } from './actorsApi'

/** The columns the actors table sorts by. */
export type SortKey = 'name' | 'id' | 'group'

/** How the table is sorted: a column and a direction. */
export interface Sort {
  key: SortKey
  descending: boolean
}

/** A flag filter: one of the spreadsheet's flags, or "endorsed in round R". */
export type FlagFilter = '' | FlagKey | `endorsed:${string}` | `attended:${string}`

/** What the table is filtered by; empty strings match everything. */
export interface ParticipantFilter {
  /** Part of a name or an ISO code, any case. */
  text: string
  /** A UN regional group, or NO_GROUP for actors with none. */
  group: string
  flag: FlagFilter
  /** A target list of the reader's campaign group: only its states. */
  targetList?: string
  /** A declaration: only the actors listed as not endorsing it yet (no endorsement recorded). */
  notEndorsed?: string
}

/** What the target-list and endorsement filters look up (from `GET .../stances`). */
export interface FilterFacts {
  inList: (listId: string, actorId: string) => boolean
  endorsed: (declarationId: string, actorId: string) => boolean
}

/** The group filter's value for actors without a UN regional group (organisations, …). */
export const NO_GROUP = '(none)'

/** The UN regional groups present in a list, sorted, for the filter's choices. */
export function groupsOf(participants: Participant[]): string[] {
  const groups = new Set<string>()
  for (const p of participants) if (p.actor.unRegionalGroup) groups.add(p.actor.unRegionalGroup)
  return [...groups].sort((a, b) => a.localeCompare(b))
}

// Accents do not matter when searching ("Cote" finds "Côte d'Ivoire").
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/** Whether a participant passes a filter (the target-list and endorsement ones need `facts`). */
export function matches(p: Participant, filter: ParticipantFilter, facts?: FilterFacts): boolean {
  const { text, group, flag, targetList, notEndorsed } = filter
  if (facts && targetList && !facts.inList(targetList, p.actor.id)) return false
  if (facts && notEndorsed && facts.endorsed(notEndorsed, p.actor.id)) return false
  const query = fold(text.trim())
  if (query && !fold(p.actor.name).includes(query) && !fold(p.actor.id).includes(query)) {
    return false
  }
  if (group === NO_GROUP ? !!p.actor.unRegionalGroup : group && p.actor.unRegionalGroup !== group) {
    return false
  }
  if (!flag) return true
  const [kind, roundId] = flag.split(':') as [string, string | undefined]
  if (roundId !== undefined) {
    const record = p.rounds[roundId]
    return kind === 'endorsed' ? !!record?.endorsed : !!record?.attended
  }
  return p.flags[flag as FlagKey]
}

const valueOf = (p: Participant, key: SortKey): string =>
  key === 'name' ? p.actor.name : key === 'id' ? p.actor.id : (p.actor.unRegionalGroup ?? '')

/** The participants that pass the filter, sorted (ties broken by name). */
export function view(
  list: Participant[],
  filter: ParticipantFilter,
  sort: Sort,
  facts?: FilterFacts,
): Participant[] {
  const direction = sort.descending ? -1 : 1
  return list
    .filter((p) => matches(p, filter, facts))
    .sort(
      (a, b) =>
        direction * valueOf(a, sort.key).localeCompare(valueOf(b, sort.key)) ||
        a.actor.name.localeCompare(b.actor.name),
    )
}

/** A round's place without its country: "Vienna" for "Vienna, Austria". */
export const shortPlace = (round: Round): string => round.place.split(',')[0] || round.name
