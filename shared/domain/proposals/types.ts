import { z } from 'zod'
import type { Provenance, RecordKey } from '../stances/types'

/** The kinds of amendment a delegation tables (../shared/DESIGN.md, "Proposal"). */
export const PROPOSAL_KINDS = [
  'exemption',
  'transition-period',
  'interoperability',
  'deadline-change',
  'definition',
  'addition',
  'deletion',
  'replacement',
  'new-article',
] as const
/** A kind of proposal. */
export type ProposalKind = (typeof PROPOSAL_KINDS)[number]

/** The technical grounds on which states argued for exempting a munition. */
export const EXEMPTION_SUBTYPES = [
  'failure-rate',
  'non-dangerous-duds',
  'self-destruct',
  'electronic-fuze',
  'direct-fire',
  'fewer-than-n-submunitions',
  'sensor-fuzed',
] as const
/** A ground for an exemption. */
export type ExemptionSubtype = (typeof EXEMPTION_SUBTYPES)[number]

const years = z.number().int().min(0).max(100)

/**
 * The parameters of a proposal, typed per kind: an exemption's subtype with its rate or N, a
 * transition period's or deadline's years. Kinds without parameters carry none.
 */
export const ProposalParamsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('exemption'),
    subtype: z.enum(EXEMPTION_SUBTYPES),
    /** Failure rate in percent, for 'failure-rate'. */
    ratePercent: z.number().min(0).max(100).optional(),
    /** N, for 'fewer-than-n-submunitions'. */
    n: z.number().int().min(1).max(1000).optional(),
  }),
  z.object({ kind: z.literal('transition-period'), years }),
  z.object({ kind: z.literal('interoperability') }),
  z.object({ kind: z.literal('deadline-change'), fromYears: years.optional(), toYears: years }),
  z.object({ kind: z.literal('definition') }),
  z.object({ kind: z.literal('addition') }),
  z.object({ kind: z.literal('deletion') }),
  z.object({ kind: z.literal('replacement') }),
  z.object({ kind: z.literal('new-article') }),
])
/** A proposal's kind with its typed parameters. */
export type ProposalParams = z.infer<typeof ProposalParamsSchema>

/** The lifecycle of a proposal. */
export const PROPOSAL_STATUSES = [
  'draft',
  'tabled',
  'bracketed',
  'under-consultation',
  'incorporated',
  'rejected',
  'withdrawn',
  'deferred',
] as const
/** Where a proposal stands. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** Statuses in which a proposal is still open (counted as "open" in the outline). */
export const OPEN_STATUSES: readonly ProposalStatus[] = [
  'tabled',
  'bracketed',
  'under-consultation',
]

/**
 * Where a proposal applies in the text room: Yjs relative positions (the JSON of
 * `Y.relativePositionToJSON`) of the start and end of the anchored words, and the words
 * themselves as they were when anchored (shown when the words are gone: an orphan).
 */
export interface Anchor {
  start: unknown
  end: unknown
  quote: string
}

/** One change of status, kept forever: who decided, for which actor, when, in which round. */
export interface StatusChange {
  from: ProposalStatus | null
  to: ProposalStatus
  byAccountId: string
  byName: string
  /** The actor in whose name it was done (the sponsor withdrawing), or null for the chair. */
  actorId: string | null
  at: string
  roundId: string | null
  /** For 'deferred': the round it is deferred to. */
  deferredTo?: string
  note?: string
}

/**
 * A proposal as the register room and the REST API show it. Its wording while drafted lives in
 * the draft room `<negotiation>/draft/<id>`; once tabled, `wording` holds it (ProseMirror JSON of
 * a `wording` document, see wordingSchema) and the draft room is read-only.
 */
export interface Proposal {
  id: string
  negotiationId: string
  params: ProposalParams
  title: string
  /** Actor ids; the first is the main sponsor. */
  sponsors: string[]
  coSponsors: string[]
  /** The article it amends (for 'new-article': the article after which it would go, or null). */
  articleId: string | null
  anchor: Anchor | null
  wording: unknown | null
  /** The wording as plain text, for lists, exports and search. */
  wordingText: string
  rationale: string
  status: ProposalStatus
  /** Position among tabled proposals (1, 2, ...), fixing "Alt 1 / Alt 2" order; null in draft. */
  tabledSeq: number | null
  createdAt: string
  createdBy: string
  history: StatusChange[]
  /** True where the demo invented it (fixtures marked synthetic). */
  synthetic?: boolean
  /**
   * The coalition (group id) in whose name it was drafted and tabled (issue 13): its members
   * when drafted are its sponsors. Absent: none.
   */
  coalitionId?: string | null
}

/** What an actor said about a proposal. */
export const STANCES = ['supports', 'opposes', 'concerns', 'neutral'] as const
/** An actor's stance. */
export type Stance = (typeof STANCES)[number]

/** A recorded position; later ones supersede earlier ones of the same actor, all are kept. */
export interface Position {
  id: string
  proposalId: string
  actorId: string
  stance: Stance
  roundId: string | null
  /** Which statement it comes from ("Vienna plenary, 6 Dec", a URL). */
  source: string
  quote: string
  recordedAt: string
  recordedBy: string
  synthetic?: boolean
  /**
   * Where it comes from (issue 12); absent on positions stored before: read with
   * `provenanceOfPosition` (synthetic if flagged, else recorded).
   */
  provenance?: Provenance
  /** Whose record it is in; absent before issue 12: read with `recordOfPosition`. */
  record?: RecordKey
}

/**
 * Layout of the register room `<negotiation>/register`, written only by the server: Y.Map
 * 'proposals' (id → Proposal as a plain object, never a draft) and Y.Map 'positions' (id →
 * Position). Clients observe it to show brackets, cards and counts live.
 */
export const REGISTER_PROPOSALS = 'proposals'
/** Name of the register room's map of positions. */
export const REGISTER_POSITIONS = 'positions'
