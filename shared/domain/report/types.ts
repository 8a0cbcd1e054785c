import type { DiffGranularity, DiffPart } from '../diff'
import type { Provenance } from '../stances/types'

/** What a report counts from: a time, the reader's previous visit, or a closed round's text. */
export type ReportSince =
  { kind: 'time'; at: string } | { kind: 'last-visit' } | { kind: 'round'; roundId: string }

/**
 * Reads `?since=`: an ISO time ("2008-05-20T18:00:00Z"), "last-visit", or "round:<id>"; null
 * for anything else.
 */
export function parseSince(raw: string): ReportSince | null {
  if (raw === 'last-visit') return { kind: 'last-visit' }
  if (raw.startsWith('round:')) {
    const roundId = raw.slice('round:'.length)
    return /^[a-z0-9][a-z0-9-]{0,63}$/.test(roundId) ? { kind: 'round', roundId } : null
  }
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) return null
  const t = Date.parse(raw)
  return Number.isNaN(t) ? null : { kind: 'time', at: new Date(t).toISOString() }
}

/**
 * What narrows a report: articles and actors (ids; empty means all). Issues and target lists
 * will narrow it the same way once negotiations have them.
 */
export interface ReportFilter {
  articles: readonly string[]
  actors: readonly string[]
}

/** The text a report's changes are measured against. */
export interface ReportBaseline {
  /** "Vienna Discussion Text", or null where no text was frozen before the report's start. */
  name: string | null
  /** When it was frozen. */
  at: string | null
  /** True when it is the text exactly as it stood at the start of the report. */
  exact: boolean
  synthetic: boolean
}

/** How one article's text changed between the baseline and now. */
export interface TextChange {
  articleId: string
  change: 'changed' | 'added' | 'deleted'
  titleBefore: string
  titleNow: string
  /** The bounded diff of its clauses; empty when it was not compared (see the report's cuts). */
  diff: DiffPart[]
  granularity: DiffGranularity
  compared: boolean
}

/** A summary of edits to an article's wording by one person at one time. */
export interface EditLine {
  byName: string
  at: string
  insertedChars: number
  deletedChars: number
  /** What the edits did to brackets and option blocks: "bracketed 2, cleaned 1 bracket"; "" if nothing. */
  cleaning: string
  synthetic: boolean
}

/** A proposal tabled, decided, withdrawn or reopened in the period. */
export interface ProposalLine {
  proposalId: string
  /** "P3", from the order of tabling. */
  ref: string
  title: string
  kind: string
  sponsors: string[]
  /** "Tabled", "Incorporated", "Withdrawn", "Reopened". */
  what: string
  byName: string
  at: string
  /** Where it stands now. */
  status: string
  wordingText: string
  synthetic: boolean
}

/** A position (statement) recorded in the period. */
export interface PositionLine {
  proposalRef: string
  proposalTitle: string
  actor: string
  stance: string
  source: string
  quote: string
  at: string
  synthetic: boolean
  provenance: Provenance
  /** "Reported: <source>", "Recorded by <record>", "Synthetic" (see `provenanceText`). */
  provenanceText: string
}

/** Anything else on record in the period: articles added or moved, rounds opened or closed. */
export interface OtherLine {
  text: string
  byName: string
  at: string
  synthetic: boolean
}

/** What happened to one article (or, with `articleId` null, to the negotiation as a whole). */
export interface ReportSection {
  articleId: string | null
  /** "Article 2 — Definitions", "General", "Article no longer in the text". */
  heading: string
  textChange: TextChange | null
  edits: EditLine[]
  proposals: ProposalLine[]
  positions: PositionLine[]
  other: OtherLine[]
}

/** The report to capital: what changed in a negotiation since a moment, as the reader may read it. */
export interface Report {
  negotiation: { id: string; name: string }
  since: { kind: ReportSince['kind']; at: string; label: string }
  generatedAt: string
  filter: ReportFilter
  baseline: ReportBaseline
  sections: ReportSection[]
  /** Lines saying what the report left out to stay bounded. */
  cuts: string[]
  /** Lines saying how far the comparison can be trusted. */
  caveats: string[]
  /** True where anything shown was invented for the demo. */
  synthetic: boolean
  counts: { textChanges: number; proposals: number; positions: number; edits: number }
}
