import type { Actor } from '../actors'
import { issueCells, type CellOptions, type StanceCell } from './cells'
import { TREATY_CLASSES, treatyClass, type TreatyClass } from './treatyStatus'
import type { Issue, Statement, StatementStance, TreatyStatus } from './types'

/**
 * What the map shows of one actor on one issue: its stance, 'mixed' where records disagree, or
 * 'unknown' where nothing is recorded (never read as 'neutral').
 */
export type MapStance = StatementStance | 'mixed' | 'unknown'

/** The map's stances in the order its legend and summaries list them. */
export const MAP_STANCES: readonly MapStance[] = [
  'supports',
  'opposes',
  'concerns',
  'neutral',
  'statement',
  'mixed',
  'unknown',
]

/** One actor on the map or beside it: its stance and the cell it comes from (null if none). */
export interface ActorStance {
  actor: Actor
  stance: MapStance
  cell: StanceCell | null
}

/** Counts of actors per stance (or per treaty class) in one region or UN regional group. */
export interface RegionCount<K extends string = MapStance> {
  name: string
  counts: Record<K, number>
  total: number
}

/** The map of one issue in one round: states, organisations, and counts per region. */
export interface MapSummary {
  /** Every state the data names, by name; those with nothing recorded are 'unknown'. */
  states: ActorStance[]
  /** Organisations with an entry (they have no territory: listed beside the map), by name. */
  organisations: ActorStance[]
  /** States per region (Africa, Americas, Asia, Europe, Oceania), in that order. */
  regions: RegionCount[]
  /** States per UN regional group, by name; states in none last, as "No UN regional group". */
  groups: RegionCount[]
}

/** What the map reads: the issues, the statements the reader may see, and the actors named. */
export interface MapInput {
  issues: readonly Issue[]
  statements: readonly Statement[]
  actors: readonly Actor[]
}

/** Which entries count, and optionally which actors only (a campaign target list). */
export interface MapOptions extends CellOptions {
  /** Only these actors in the summary (the rest are left out, not counted as unknown). */
  among?: ReadonlySet<string>
}

const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']
/** The name under which states outside the five UN regional groups are counted. */
export const NO_UN_GROUP = 'No UN regional group'
/** The name under which states with no region are counted. */
export const NO_REGION = 'No region'

function countBy<K extends string>(
  states: readonly ActorStance[],
  keyOf: (a: Actor) => string,
  classes: readonly K[],
  classOf: (s: ActorStance) => K,
): Map<string, RegionCount<K>> {
  const out = new Map<string, RegionCount<K>>()
  for (const s of states) {
    const name = keyOf(s.actor)
    const counts = Object.fromEntries(classes.map((c) => [c, 0])) as Record<K, number>
    const region = out.get(name) ?? { name, counts, total: 0 }
    region.counts[classOf(s)] += 1
    region.total += 1
    out.set(name, region)
  }
  return out
}

/** States per region, in the five regions' order then "No region", and per UN regional group. */
function regionsAndGroups<K extends string>(
  states: readonly ActorStance[],
  classes: readonly K[],
  classOf: (s: ActorStance) => K,
): { regions: RegionCount<K>[]; groups: RegionCount<K>[] } {
  const regionCounts = countBy(
    states,
    (a) => (a.region && REGIONS.includes(a.region) ? a.region : NO_REGION),
    classes,
    classOf,
  )
  const regions = [...REGIONS, NO_REGION].flatMap((r) => regionCounts.get(r) ?? [])
  const groupCounts = countBy(states, (a) => a.unRegionalGroup || NO_UN_GROUP, classes, classOf)
  const groups = [...groupCounts.values()].sort((a, b) =>
    a.name === NO_UN_GROUP ? 1 : b.name === NO_UN_GROUP ? -1 : a.name.localeCompare(b.name, 'en'),
  )
  return { regions, groups }
}

/**
 * The map of one issue for a round (or every round), as `issueCells` reads the cells: a state
 * that spoke only of a parent issue shows that stance, its cell marked `inheritedFrom`.
 */
export function mapSummary(input: MapInput, issueId: string, options: MapOptions): MapSummary {
  const cells = issueCells(input.issues, input.statements, issueId, options)
  const among = options.among
  const byName = (a: ActorStance, b: ActorStance) => a.actor.name.localeCompare(b.actor.name, 'en')
  const stanceOf = (actor: Actor): ActorStance => {
    const cell = cells.get(actor.id) ?? null
    return { actor, cell, stance: cell?.stance ?? 'unknown' }
  }
  const listed = input.actors.filter((a) => !among || among.has(a.id))
  const states = listed
    .filter((a) => a.kind === 'state')
    .map(stanceOf)
    .sort(byName)
  const organisations = listed
    .filter((a) => a.kind === 'organisation' && cells.has(a.id))
    .map(stanceOf)
    .sort(byName)

  const { regions, groups } = regionsAndGroups(states, MAP_STANCES, (s) => s.stance)
  return { states, organisations, regions, groups }
}

/** The map coloured by treaty status: each state's class, and counts per region and UN group. */
export interface TreatyMap {
  classOf: (actorId: string) => TreatyClass
  regions: RegionCount<TreatyClass>[]
  groups: RegionCount<TreatyClass>[]
}

/**
 * The states of a map summary by treaty status: ratified (or otherwise bound), signed, or
 * unknown where the list has no row (never "not signed").
 */
export function treatyMap(
  states: readonly ActorStance[],
  treatyStatus: readonly TreatyStatus[],
): TreatyMap {
  const rows = new Map(treatyStatus.map((t) => [t.actorId, t]))
  const classOf = (actorId: string) => treatyClass(rows.get(actorId))
  return { classOf, ...regionsAndGroups(states, TREATY_CLASSES, (s) => classOf(s.actor.id)) }
}

/**
 * The latest round (in the order given, oldest first) with an entry on the issue or one of its
 * ancestors, or null if no round has one.
 */
export function latestRoundWithEntries(
  input: Pick<MapInput, 'issues' | 'statements'>,
  issueId: string,
  roundIds: readonly string[],
): string | null {
  for (const roundId of [...roundIds].reverse()) {
    if (issueCells(input.issues, input.statements, issueId, { roundId }).size > 0) return roundId
  }
  return null
}

/** Issues in tree order (each parent followed by its children, siblings by order), with depth. */
export function issuesInTreeOrder(issues: readonly Issue[]): { issue: Issue; depth: number }[] {
  const ids = new Set(issues.map((i) => i.id))
  const children = new Map<string | null, Issue[]>()
  for (const i of issues) {
    // An issue whose parent is missing is shown at the top rather than lost.
    const parent = i.parentId && ids.has(i.parentId) ? i.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), i])
  }
  const out: { issue: Issue; depth: number }[] = []
  const seen = new Set<string>()
  const walk = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.order - b.order || a.title.localeCompare(b.title, 'en'),
    )
    for (const issue of list) {
      if (seen.has(issue.id)) continue
      seen.add(issue.id)
      out.push({ issue, depth })
      walk(issue.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}
