import type { ActorStance, MapStance } from '../../../../shared/domain/stances/mapSummary'
import { recordLabel, STATEMENT_STANCE_LABELS } from '../../../../shared/domain/stances/statements'
import type { TreatyClass, TreatyWords } from '../../../../shared/domain/stances/treatyStatus'
import type { RecordKey } from '../../../../shared/domain/stances/types'

/** How the legend, the table and the summaries name a map stance. */
export const MAP_STANCE_LABELS: Record<MapStance, string> = {
  ...STATEMENT_STANCE_LABELS,
  statement: 'Statement, no stance',
  mixed: 'Records disagree',
  unknown: 'No entry',
}

/** Names of what the map shows: actors, groups, issues, rounds. */
export interface MapNames {
  actor: (id: string) => string
  group: (id: string) => string
  issue: (id: string) => string
  round: (id: string | null) => string
}

/** A record's name as the map shows it ("Secretariat", "Delegation of France", the group's name). */
export const recordName = (record: RecordKey, names: MapNames): string =>
  recordLabel(record, { actor: names.actor, group: names.group })

/** Whether any entry of an actor's cell is synthetic (made up for the demo). */
export const hasSynthetic = (s: ActorStance): boolean =>
  s.cell?.entries.some((e) => e.provenance === 'synthetic') ?? false

/** The stance in words, lower case: "supports", "records disagree", "made a statement". */
export function stanceWords(s: ActorStance, names: MapNames): string {
  if (s.stance === 'unknown') return 'no entry'
  if (s.stance === 'statement') return 'made a statement, no stance'
  if (s.stance === 'mixed') {
    const each = (s.cell?.entries ?? []).map((e) => `${recordName(e.record, names)}: ${e.stance}`)
    return `records disagree (${each.join('; ')})`
  }
  return s.stance
}

/**
 * What a state says to a screen reader and in its tooltip: "France: supports — said of
 * Exemptions (inherited)", with "synthetic" when an entry is made up and "not on the list" when
 * a target list dims it.
 */
export function stateLabel(s: ActorStance, names: MapNames, dimmed = false): string {
  let label = `${s.actor.name}: ${stanceWords(s, names)}`
  if (s.cell?.inheritedFrom) label += ` — said of ${names.issue(s.cell.inheritedFrom)} (inherited)`
  if (hasSynthetic(s)) label += ' — Synthetic'
  if (dimmed) label += ' — not on the target list'
  return label
}

/** A state's treaty status as the map shows it: in the actors table's words, and its class. */
export interface StateTreaty extends TreatyWords {
  class: TreatyClass
}
