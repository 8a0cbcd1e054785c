import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import { treatyAbsentText, treatyStatusText } from '../../../../shared/domain/stances/treatyStatus'
import type {
  Declaration,
  Endorsement,
  Provenance,
  TreatyStatus,
} from '../../../../shared/domain/stances/types'

/**
 * What the actors table and the targets page say of a state's treaty status and endorsements,
 * from what `GET .../stances` answers. Unknown stays unknown: a state the depositary's list
 * does not hold is "unknown", never "not signed", and a declaration known only by its count
 * says so.
 */
export interface StanceIndex {
  treaty: Map<string, TreatyStatus>
  /** What a state missing from the treaty list is, in words ("not in the partial UNTC list"). */
  treatyAbsent: string
  declarations: Declaration[]
  /** Endorsements by `declarationId/actorId`. */
  endorsements: Map<string, Endorsement>
  /** Per declaration: the counts sources give ("82 / 72 at the meeting"), in words. */
  counts: Map<string, { text: string; title: string }>
  /** Per declaration: whether any state is listed as endorsing it. */
  listed: Set<string>
}

interface Count {
  count: number
  asOf: string | null
  note: string
}

/**
 * Counts sources give for a declaration in a few words, the counts of one day together
 * ("82 / 72 at the meeting; 105 by 2008-05-06"), and each count's note for a tooltip.
 */
export function countWords(
  d: Declaration,
  counts: readonly Count[],
): { text: string; title: string } {
  const unique = counts.filter(
    (c, i) => counts.findIndex((o) => o.count === c.count && o.asOf === c.asOf) === i,
  )
  const days = [...new Set(unique.map((c) => c.asOf))]
  const text = days
    .map((day) => {
      const numbers = unique.filter((c) => c.asOf === day).map((c) => c.count)
      const when = day === null ? '' : day === d.adoptedOn ? ' at the meeting' : ` by ${day}`
      return `${numbers.join(' / ')}${when}`
    })
    .join('; ')
  const title = unique.map((c) => `${c.count}: ${c.note}`).join('\n')
  return { text, title }
}

/** Indexes treaty status, endorsements and counts for lookups per state. */
export function indexStances(data: StanceData): StanceIndex {
  const endorsements = new Map(data.endorsements.map((e) => [`${e.declarationId}/${e.actorId}`, e]))
  const counts = new Map<string, { text: string; title: string }>()
  for (const d of data.declarations) {
    const fromRound = data.roundCounts.filter(
      (c) => d.roundId !== null && c.roundId === d.roundId && c.kind !== 'attended',
    )
    const all = [...d.reportedCounts, ...fromRound]
    if (all.length > 0) counts.set(d.id, countWords(d, all))
  }
  return {
    treaty: new Map(data.treatyStatus.map((t) => [t.actorId, t])),
    treatyAbsent: treatyAbsentText(data.treatyStatus),
    declarations: data.declarations,
    endorsements,
    counts,
    listed: new Set(data.endorsements.map((e) => e.declarationId)),
  }
}

/** One cell's words: a short text, a longer title, whether the fact is known, its provenance. */
export interface CellText {
  text: string
  title: string
  known: boolean
  provenance?: Provenance
}

/** A state's treaty status in words: "Signed 2008-12-03 · Ratified 2011-09-08", or unknown. */
export const treatyText = (index: StanceIndex, actorId: string): CellText =>
  treatyStatusText(index.treaty.get(actorId), index.treatyAbsent)

/** Whether the state is listed as endorsing a declaration. */
export const hasEndorsed = (index: StanceIndex, declarationId: string, actorId: string) =>
  index.endorsements.has(`${declarationId}/${actorId}`)

/**
 * A state's endorsement of a declaration in words: "✓ 2008-02-22", or what is known instead:
 * only counts ("count only: 82 at the meeting"), "not listed" when states are listed and it is
 * not among them, "unknown" when nothing is.
 */
export function endorsementText(
  index: StanceIndex,
  declarationId: string,
  actorId: string,
): CellText {
  const e = index.endorsements.get(`${declarationId}/${actorId}`)
  if (e) {
    const text = `✓ ${e.date ?? 'date unknown'}`
    return { text, title: e.source, known: true, provenance: e.provenance }
  }
  const counts = index.counts.get(declarationId)
  if (counts) {
    const prefix = index.listed.has(declarationId) ? 'not listed; count only' : 'count only'
    return { text: `${prefix}: ${counts.text}`, title: counts.title, known: false }
  }
  const text = index.listed.has(declarationId) ? 'not listed' : 'unknown'
  return { text, title: '', known: false }
}
