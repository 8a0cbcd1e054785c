import type { NegotiationEvent } from '../../../../shared/domain/events'
import type { Position, StatusChange } from '../../../../shared/domain/proposals'
import type { ArticleVersion, DiffPart, HistoryProposal, VersionKey } from './historyApi'
import { keyOf } from './historyApi'

/** A version's name as people cite it: the frozen text's name, or "Current text". */
export const versionName = (v: ArticleVersion): string =>
  v.snapshotName ?? v.name ?? v.roundName ?? (v.roundId === null ? 'Current text' : v.roundId)

/** The article's label in a version ("2 bis"), its number where no label came, or null. */
export const versionLabel = (v: ArticleVersion): string | null =>
  v.label ?? (v.number === null ? null : String(v.number))

/** Where a version was made, for sentences: "Vienna" of "Vienna Conference …", or "now". */
export const versionPlace = (v: ArticleVersion, places: ReadonlyMap<string, string>): string =>
  v.roundId === null ? 'the current text' : (places.get(v.roundId) ?? versionName(v))

/**
 * How an article was numbered across the texts, one phrase per run of the same number:
 * "Article 3 in Lima and Vienna, Article 2 in Wellington and the current text".
 */
export function numberingSentence(
  versions: readonly ArticleVersion[],
  places: ReadonlyMap<string, string>,
): string {
  const runs: { label: string; where: string[] }[] = []
  for (const v of versions) {
    const label = versionLabel(v)
    if (label === null) continue
    const last = runs.at(-1)
    const where = versionPlace(v, places)
    if (last?.label === label) last.where.push(where)
    else runs.push({ label, where: [where] })
  }
  const list = (items: string[]) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
  return runs.map((r) => `Article ${r.label} in ${list(r.where)}`).join(', ')
}

/**
 * The two versions a comparison starts with: the latest pair whose wording differs (previous →
 * next), else the last two, else the only one with itself.
 */
export function defaultPair(versions: readonly ArticleVersion[]): [VersionKey, VersionKey] | null {
  const present = versions.filter((v) => v.number !== null)
  if (present.length === 0) return null
  for (let i = present.length - 1; i > 0; i--) {
    const [a, b] = [present[i - 1]!, present[i]!]
    if (a.text !== b.text || a.title !== b.title) return [keyOf(a), keyOf(b)]
  }
  const last = present.at(-1)!
  const before = present.at(-2) ?? last
  return [keyOf(before), keyOf(last)]
}

/** How many words a diff inserts and deletes. */
export function diffCounts(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length
  let inserted = 0
  let deleted = 0
  for (const p of parts) {
    if (p.op === 'insert') inserted += words(p.text)
    if (p.op === 'delete') deleted += words(p.text)
  }
  return { inserted, deleted }
}

/** Whether a proposal concerns an actor: as sponsor, co-sponsor, or by a position on it. */
export const involves = (p: HistoryProposal, actorId: string): boolean =>
  p.sponsors.includes(actorId) ||
  p.coSponsors.includes(actorId) ||
  (p.positions ?? []).some((x) => x.actorId === actorId)

/** Every actor named in an article's history (sponsors, positions, events), sorted by id. */
export function actorsIn(
  proposals: readonly HistoryProposal[],
  events: readonly NegotiationEvent[],
) {
  const ids = new Set<string>()
  for (const p of proposals) {
    for (const id of [...p.sponsors, ...p.coSponsors]) ids.add(id)
    for (const x of p.positions ?? []) ids.add(x.actorId)
  }
  for (const e of events) if (e.actorId) ids.add(e.actorId)
  return [...ids].sort()
}

/** The proposals, positions and events an actor filter leaves ('' keeps everything). */
export function filterByActor(
  proposals: readonly HistoryProposal[],
  events: readonly NegotiationEvent[],
  actorId: string,
): { proposals: HistoryProposal[]; events: NegotiationEvent[] } {
  if (!actorId) return { proposals: [...proposals], events: [...events] }
  const kept = proposals
    .filter((p) => involves(p, actorId))
    .map((p) => ({ ...p, positions: (p.positions ?? []).filter((x) => x.actorId === actorId) }))
  const ids = new Set(kept.map((p) => p.id))
  return {
    proposals: kept,
    events: events.filter(
      (e) => e.actorId === actorId || (e.proposalId !== null && ids.has(e.proposalId)),
    ),
  }
}

/** What happened to the article's proposals in one round: status changes and positions. */
export interface RoundActivity {
  changes: { proposal: HistoryProposal; change: StatusChange }[]
  positions: { proposal: HistoryProposal; position: Position }[]
}

/**
 * Attaches each status change and position to the version frozen at the end of its round;
 * what happened in a round with no frozen text yet (the open one), or in none, belongs to the
 * current text.
 */
export function activityByVersion(
  versions: readonly ArticleVersion[],
  proposals: readonly HistoryProposal[],
): Map<VersionKey, RoundActivity> {
  const out = new Map<VersionKey, RoundActivity>(
    versions.map((v) => [keyOf(v), { changes: [], positions: [] }]),
  )
  const frozen = new Set(versions.flatMap((v) => (v.roundId === null ? [] : [v.roundId])))
  const at = (roundId: string | null): RoundActivity | undefined =>
    out.get(roundId !== null && frozen.has(roundId) ? roundId : 'current')
  for (const proposal of proposals) {
    for (const change of proposal.history) {
      if (change.to === 'draft') continue
      at(change.roundId)?.changes.push({ proposal, change })
    }
    for (const position of proposal.positions ?? []) {
      at(position.roundId)?.positions.push({ proposal, position })
    }
  }
  for (const activity of out.values()) {
    activity.changes.sort((a, b) => a.change.at.localeCompare(b.change.at))
    activity.positions.sort((a, b) => a.position.recordedAt.localeCompare(b.position.recordedAt))
  }
  return out
}
