import { z } from 'zod'
import { STANCES, type Stance } from '../proposals/types'

/**
 * Who stands where (issue 12): the questions a negotiation turns on (issues), what actors said
 * about them and about proposals (statements, each kept in the record of whoever heard it, with
 * its provenance), the briefing papers on each issue, outcome documents with their endorsements,
 * campaign target lists with the actions taken, and each state's treaty status.
 */

/**
 * Where an entry comes from, shown as a badge wherever it appears:
 * - `reported`: a cited source says it (the `source` field names it, never empty);
 * - `recorded`: the recorder heard it first-hand (the secretariat in the room, a delegation for
 *   itself, a campaigner at the conference);
 * - `synthetic`: invented for the demo or an exercise; never to be acted on.
 */
export const PROVENANCES = ['reported', 'recorded', 'synthetic'] as const
/** Where an entry comes from. */
export type Provenance = (typeof PROVENANCES)[number]

/** A stance on an issue or proposal, or `statement`: something said that takes no stance. */
export const STATEMENT_STANCES = [...STANCES, 'statement'] as const
/** What an entry says: a stance, or a statement without one. */
export type StatementStance = Stance | 'statement'

/**
 * Whose record an entry is kept in. The secretariat records for any actor and a delegation for
 * its own actor (both public); a campaign group records what any actor said, private to the
 * group until it publishes an entry. One recorder never overwrites another's record.
 * Written `secretariat`, `delegation:FRA`, `group:cmc`.
 */
export type RecordKey = 'secretariat' | `delegation:${string}` | `group:${string}`

/** A record key read apart. */
export type RecordOwner =
  | { kind: 'secretariat' }
  | { kind: 'delegation'; actorId: string }
  | { kind: 'group'; groupId: string }

/** Reads a record key; null when it is not one. */
export function recordOwner(key: string): RecordOwner | null {
  if (key === 'secretariat') return { kind: 'secretariat' }
  const m = /^(delegation|group):([A-Za-z0-9-]{1,64})$/.exec(key)
  if (!m?.[2]) return null
  return m[1] === 'delegation'
    ? { kind: 'delegation', actorId: m[2] }
    : { kind: 'group', groupId: m[2] }
}

/** The key of a record owner. */
export function recordKey(owner: RecordOwner): RecordKey {
  switch (owner.kind) {
    case 'secretariat':
      return 'secretariat'
    case 'delegation':
      return `delegation:${owner.actorId}`
    case 'group':
      return `group:${owner.groupId}`
  }
}

/** Whether entries of a record are private until published (a campaign group's). */
export const isPrivateRecord = (key: RecordKey): boolean => key.startsWith('group:')

export const RecordKeySchema = z
  .string()
  .refine((k) => recordOwner(k) !== null, 'secretariat, delegation:<actor> or group:<group>')
  .transform((k) => k as RecordKey)

/**
 * An issue: a named question of the negotiation ("exemptions", its child "self-destruct",
 * "transition periods"), in a hierarchy, linked to the articles, text brackets and proposals it
 * concerns.
 */
export interface Issue {
  id: string
  negotiationId: string
  /** The parent issue, or null for a top-level one. */
  parentId: string | null
  title: string
  /** Markdown, as the chair or a source describes the question. */
  description: string
  /** Articles (stable ids) it concerns. */
  articleIds: string[]
  /** Bracket ids of the text (the `bracket` mark's id) it concerns. */
  bracketIds: string[]
  /** Proposals it concerns. */
  proposalIds: string[]
  /** Order among its siblings. */
  order: number
  /** Where the issue is named ("CMC Vienna report, IV"), '' if nowhere. */
  source: string
  provenance: Provenance
  createdAt: string
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a-z, 0-9 and -, at most 64')

/** An issue as the chair creates or changes it. */
export const IssueInputSchema = z
  .object({
    id: id.optional(),
    parentId: id.nullable().optional(),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(20_000).default(''),
    articleIds: z.array(z.string().min(1).max(64)).max(100).default([]),
    bracketIds: z.array(z.string().min(1).max(64)).max(200).default([]),
    proposalIds: z.array(z.string().min(1).max(64)).max(200).default([]),
    order: z.number().int().min(0).max(10_000).optional(),
    source: z.string().trim().max(300).default(''),
    provenance: z.enum(PROVENANCES).default('recorded'),
  })
  .strict()
/** A validated issue input. */
export type IssueInput = z.infer<typeof IssueInputSchema>

/** What a statement is about: an issue or a proposal. */
export type StatementTarget =
  { kind: 'issue'; issueId: string } | { kind: 'proposal'; proposalId: string }

export const StatementTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('issue'), issueId: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('proposal'), proposalId: z.string().min(1).max(64) }).strict(),
])

/**
 * What an actor said about an issue or a proposal, as one recorder heard it. Kept forever; in a
 * record, an actor's latest entry on a target and round supersedes its earlier ones. Positions
 * on proposals recorded before issue 12 (`Position`) are read as statements too
 * (`statementOfPosition`).
 */
export interface Statement {
  id: string
  negotiationId: string
  target: StatementTarget
  actorId: string
  stance: StatementStance
  /** The round it was said in, or null if unknown. */
  roundId: string | null
  /** The day it was said (YYYY-MM-DD), or null if the source gives none. */
  date: string | null
  /** Which statement or document it comes from; required for `reported`. */
  source: string
  /** The words, or a paraphrase the source gives. */
  quote: string
  provenance: Provenance
  /** Whose record it is in. */
  record: RecordKey
  /** For a group's record: whether the group has published it (public ones are always true). */
  published: boolean
  /** When a group published it, or null. */
  publishedAt: string | null
  recordedAt: string
  /** Display name of who recorded it. */
  recordedBy: string
}

/** A statement as someone records it (validated once, at the boundary). */
export const StatementInputSchema = z
  .object({
    target: StatementTargetSchema,
    actorId: z.string().min(1).max(64),
    stance: z.enum(STATEMENT_STANCES),
    roundId: z.string().min(1).max(64).nullable().optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
      .nullable()
      .optional(),
    source: z.string().trim().max(300).default(''),
    quote: z.string().trim().max(2000).default(''),
    provenance: z.enum(PROVENANCES).default('recorded'),
    record: RecordKeySchema,
  })
  .strict()
  .refine((s) => s.provenance !== 'reported' || s.source.length > 0, {
    message: 'a reported statement names its source',
    path: ['source'],
  })
/** A validated statement input. */
export type StatementInput = z.infer<typeof StatementInputSchema>

/** One version of a briefing paper's body. */
export interface PaperVersion {
  version: number
  title: string
  /** Markdown. */
  body: string
  at: string
  byName: string
}

/**
 * A briefing paper on an issue: the secretariat's (public) or a group's (private to the group
 * until published). Versioned: every change adds a version, all are kept.
 */
export interface Paper {
  id: string
  negotiationId: string
  issueId: string
  /** The group whose paper it is, or null for the secretariat's. */
  groupId: string | null
  published: boolean
  provenance: Provenance
  source: string
  /** Oldest first; the last is current. */
  versions: PaperVersion[]
}

export const PaperInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    body: z.string().max(100_000),
    groupId: id.nullable().optional(),
    source: z.string().trim().max(300).default(''),
    provenance: z.enum(PROVENANCES).default('recorded'),
  })
  .strict()
export type PaperInput = z.infer<typeof PaperInputSchema>

/** An endorsement's count as a source gives it when it does not list the states. */
export interface ReportedCount {
  count: number
  /** YYYY-MM-DD. */
  asOf: string
  note: string
  source: string
}

/**
 * An outcome document (the Oslo Declaration, the Wellington Declaration, the Convention's
 * adoption) with dated endorsements, so that "who has not endorsed yet" is a filter.
 */
export interface Declaration {
  id: string
  negotiationId: string
  title: string
  /** The round that adopted it, or null. */
  roundId: string | null
  /** YYYY-MM-DD, or null. */
  adoptedOn: string | null
  source: string
  /** Counts sources give (82 at the meeting, 105 by 6 May 2008), whether or not states are listed. */
  reportedCounts: ReportedCount[]
}

/** What a count of states at a round counts. */
export const ROUND_COUNT_KINDS = ['attended', 'endorsed', 'adopted'] as const
export type RoundCountKind = (typeof ROUND_COUNT_KINDS)[number]

/**
 * A count a source gives for a round when it does not list the states (138 states in Vienna;
 * 103 or 122 in Wellington, as sources disagree): kept as given, beside whatever list is known.
 */
export interface RoundCount {
  negotiationId: string
  roundId: string
  kind: RoundCountKind
  count: number
  /** YYYY-MM-DD, or null. */
  asOf: string | null
  note: string
  source: string
}

/** One actor endorsing a declaration. */
export interface Endorsement {
  negotiationId: string
  declarationId: string
  actorId: string
  /** YYYY-MM-DD, or null if unknown. */
  date: string | null
  source: string
  provenance: Provenance
}

/** A campaign group's list of states to work on ("List 1: strengthen support"), private to it. */
export interface TargetList {
  id: string
  negotiationId: string
  groupId: string
  name: string
  description: string
  source: string
  provenance: Provenance
  actorIds: string[]
}

export const TargetListInputSchema = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(''),
    source: z.string().trim().max(300).default(''),
    provenance: z.enum(PROVENANCES).default('recorded'),
    actorIds: z.array(z.string().min(1).max(64)).max(400).default([]),
  })
  .strict()
export type TargetListInput = z.infer<typeof TargetListInputSchema>

/** The kinds of campaign action logged per state. */
export const CAMPAIGN_ACTION_KINDS = ['letter', 'meeting', 'call', 'briefing', 'other'] as const
export type CampaignActionKind = (typeof CAMPAIGN_ACTION_KINDS)[number]

/** A campaign action on one state, private to the group that logs it. */
export interface CampaignAction {
  id: string
  negotiationId: string
  groupId: string
  actorId: string
  kind: CampaignActionKind
  /** YYYY-MM-DD. */
  date: string
  note: string
  recordedAt: string
  recordedBy: string
}

export const CampaignActionInputSchema = z
  .object({
    actorId: z.string().min(1).max(64),
    kind: z.enum(CAMPAIGN_ACTION_KINDS),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
    note: z.string().trim().max(2000).default(''),
  })
  .strict()
export type CampaignActionInput = z.infer<typeof CampaignActionInputSchema>

/** How a state became bound: the UN Treaty Collection's kinds of action. */
export const TREATY_ACTIONS = [
  'ratification',
  'accession',
  'acceptance',
  'approval',
  'succession',
] as const
export type TreatyAction = (typeof TREATY_ACTIONS)[number]

/** A state's treaty status, as the depositary lists it. Unknown fields stay null. */
export interface TreatyStatus {
  negotiationId: string
  actorId: string
  /** YYYY-MM-DD of signature, or null. */
  signature: string | null
  /** YYYY-MM-DD of ratification, accession, ... or null. */
  actionDate: string | null
  action: TreatyAction | null
  /** YYYY-MM-DD of a declaration of provisional application (CCM Art. 18), or null. */
  provisionalApplication: string | null
  /** Declarations and reservations, or a footnote marker, as given. */
  declarations: string
  source: string
}

export { STANCES, type Stance }
