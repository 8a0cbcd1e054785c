import { z } from 'zod'
import { isValidSegment } from '../../../shared/collab'
import { FLAGS } from '../../../shared/domain/actors'
import { EVENT_TYPES } from '../../../shared/domain/events'
import {
  PROPOSAL_STATUSES,
  ProposalParamsSchema,
  STANCES,
} from '../../../shared/domain/proposals/types'
import { RoundSchema } from '../../../shared/domain/rounds'
import {
  CAMPAIGN_ACTION_KINDS,
  PROVENANCES,
  RecordKeySchema,
  ROUND_COUNT_KINDS,
  STATEMENT_STANCES,
  TREATY_ACTIONS,
} from '../../../shared/domain/stances/types'

/** What the first field of an export says it is. */
export const EXPORT_FORMAT = 'plenary-negotiation'
/**
 * The version of the export format this server writes: 2 adds who stands where (issue 12).
 * Files of version 1 still import; they have none of it.
 */
export const EXPORT_VERSION = 2

const id = z.string().refine(isValidSegment, 'an id of a-z, 0-9 and -, at most 64')
const text = (max: number) => z.string().max(max)
const time = z.string().max(40)
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')

const StatusChangeSchema = z.object({
  from: z.enum(PROPOSAL_STATUSES).nullable(),
  to: z.enum(PROPOSAL_STATUSES),
  byAccountId: text(100),
  byName: text(200),
  actorId: text(64).nullable(),
  at: time,
  roundId: text(64).nullable(),
  deferredTo: text(64).optional(),
  note: text(2000).optional(),
})

const ProposalSchema = z.object({
  id,
  negotiationId: id,
  params: ProposalParamsSchema,
  title: text(300),
  sponsors: z.array(text(64)).max(300),
  coSponsors: z.array(text(64)).max(300),
  articleId: text(100).nullable(),
  anchor: z.object({ start: z.unknown(), end: z.unknown(), quote: text(20_000) }).nullable(),
  wording: z.unknown().nullable(),
  wordingText: text(100_000),
  rationale: text(20_000),
  status: z.enum(PROPOSAL_STATUSES),
  tabledSeq: z.number().int().min(1).nullable(),
  createdAt: time,
  createdBy: text(100),
  history: z.array(StatusChangeSchema).max(1000),
  synthetic: z.boolean().optional(),
  // The coalition it was drafted in the name of (issue 13); absent from earlier files.
  coalitionId: id.nullable().optional(),
})

const PositionSchema = z.object({
  id: text(100),
  proposalId: id,
  actorId: text(64),
  stance: z.enum(STANCES),
  roundId: text(64).nullable(),
  source: text(300),
  quote: text(1000),
  recordedAt: time,
  recordedBy: text(100),
  synthetic: z.boolean().optional(),
  provenance: z.enum(PROVENANCES).optional(),
  record: RecordKeySchema.optional(),
})

const provenance = z.enum(PROVENANCES)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

// Who stands where (version 2): the shapes of shared/domain/stances/types.ts as stored.
const IssueSchema = z.object({
  id,
  negotiationId: id,
  parentId: id.nullable(),
  title: text(200),
  description: text(20_000),
  articleIds: z.array(text(100)).max(100),
  bracketIds: z.array(text(100)).max(200),
  proposalIds: z.array(text(100)).max(200),
  order: z.number().int().min(0),
  source: text(300),
  provenance,
  createdAt: time,
})

const StatementSchema = z.object({
  id: text(100),
  negotiationId: id,
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('issue'), issueId: id }),
    z.object({ kind: z.literal('proposal'), proposalId: id }),
  ]),
  actorId: text(64),
  stance: z.enum(STATEMENT_STANCES),
  roundId: text(64).nullable(),
  date: day.nullable(),
  source: text(300),
  quote: text(2000),
  provenance,
  record: RecordKeySchema,
  published: z.boolean(),
  publishedAt: time.nullable(),
  recordedAt: time,
  recordedBy: text(200),
})

const PaperSchema = z.object({
  id,
  negotiationId: id,
  issueId: id,
  groupId: id.nullable(),
  published: z.boolean(),
  provenance,
  source: text(300),
  versions: z
    .array(
      z.object({
        version: z.number().int().min(1),
        title: text(200),
        body: text(100_000),
        at: time,
        byName: text(200),
      }),
    )
    .min(1)
    .max(1000),
})

const DeclarationSchema = z.object({
  id,
  negotiationId: id,
  title: text(300),
  roundId: text(64).nullable(),
  adoptedOn: day.nullable(),
  source: text(300),
  reportedCounts: z
    .array(
      z.object({
        count: z.number().int().min(0),
        asOf: day,
        note: text(2000),
        source: text(300),
      }),
    )
    .max(100),
})

const EndorsementSchema = z.object({
  negotiationId: id,
  declarationId: id,
  actorId: text(64),
  date: day.nullable(),
  source: text(300),
  provenance,
})

const RoundCountSchema = z.object({
  negotiationId: id,
  roundId: id,
  kind: z.enum(ROUND_COUNT_KINDS),
  count: z.number().int().min(0),
  asOf: day.nullable(),
  note: text(2000),
  source: text(300),
})

const TreatyStatusSchema = z.object({
  negotiationId: id,
  actorId: text(64),
  signature: day.nullable(),
  actionDate: day.nullable(),
  action: z.enum(TREATY_ACTIONS).nullable(),
  provisionalApplication: day.nullable(),
  declarations: text(5000),
  source: text(300),
})

const TargetListSchema = z.object({
  id,
  negotiationId: id,
  groupId: id,
  name: text(200),
  description: text(5000),
  source: text(300),
  provenance,
  actorIds: z.array(text(64)).max(400),
})

const CampaignActionSchema = z.object({
  id: text(100),
  negotiationId: id,
  groupId: id,
  actorId: text(64),
  kind: z.enum(CAMPAIGN_ACTION_KINDS),
  date: day,
  note: text(2000),
  recordedAt: time,
  recordedBy: text(200),
})

const ParticipantSchema = z.object({
  actorId: text(64),
  flags: z.object(
    Object.fromEntries(FLAGS.map((f) => [f, z.boolean()])) as Record<
      (typeof FLAGS)[number],
      z.ZodBoolean
    >,
  ),
  note: text(2000),
  rounds: z.record(z.string(), z.object({ attended: z.boolean(), endorsed: z.boolean() })),
})

const MembershipSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('chair') }),
  z.object({ role: z.literal('observer') }),
  z.object({ role: z.literal('delegate'), actorId: text(64) }),
  z.object({ role: z.literal('campaigner'), groupId: id }),
])

const EventSchema = z.object({
  seq: z.number().int(),
  negotiationId: id,
  type: z.enum(EVENT_TYPES),
  at: time,
  accountId: text(100).nullable(),
  byName: text(200),
  actorId: text(64).nullable(),
  roundId: text(64).nullable(),
  articleId: text(100).nullable(),
  proposalId: text(100).nullable(),
  data: z.record(z.string(), z.unknown()),
})

const SnapshotSchema = z.object({
  roundId: id,
  name: text(200),
  closedAt: time,
  closedBy: text(200),
  doc: z.unknown(),
  /** The Yjs state of the text room when the round closed, base64. */
  state: base64,
  synthetic: z.boolean().optional(),
})

const RenumberedSchema = z.object({ from: text(100), to: text(100) })

// A renumbering by the chair (shared/domain/concordance.ts), numbered anew on import.
const ConcordanceSchema = z.object({
  seq: z.number().int(),
  negotiationId: id,
  at: time,
  accountId: text(100).nullable(),
  byName: text(200),
  articles: z
    .array(RenumberedSchema.extend({ articleId: text(100), instrument: text(300) }))
    .max(100_000),
  clauses: z
    .array(
      RenumberedSchema.extend({
        articleId: text(100),
        index: z.number().int().min(0),
        optionPath: z.array(z.number().int().min(0)).max(20),
      }),
    )
    .max(1_000_000),
})

// A round with when it opened and closed (its status and snapshot name follow from those).
const RoundWithTimesSchema = z.intersection(
  RoundSchema,
  z.object({ openedAt: time.nullable().optional(), closedAt: time.nullable().optional() }),
)

/**
 * A whole negotiation as a JSON file, for backups and for moving it to another instance.
 * Rooms are Yjs states (base64) named after the negotiation (`text`, `register`,
 * `draft/<proposal>`, `notes/<group>`), so that anchors into the text survive; `text` is the
 * same text as ProseMirror JSON for people and other tools. Accounts are not exported: members
 * are named by username only. Events and round snapshots are present where the instance keeps
 * them. A file of an earlier `schemaVersion` (2: no brackets, options or fixed labels) reads as
 * is, its texts taking the new attributes' defaults; `importNegotiation` freezes the numbers of
 * a text it had circulated, as the start-up migration does here.
 *
 * Version 2 adds who stands where: issues, statements in every record with their publications,
 * briefing papers with every version, declarations with endorsements, counts per round, treaty
 * status, and each campaign group's target lists and campaign actions. Like the group notes in
 * the rooms, a group's private entries, papers, target lists and actions are included: the file
 * is the administrator's full backup of the negotiation, and a restore that dropped what groups
 * keep to themselves would lose their work. Only administrators export it.
 */
export const NegotiationExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(EXPORT_VERSION)]),
  exportedAt: time,
  schemaVersion: z.number().int(),
  negotiation: z.object({ id, name: text(200).min(1), createdAt: time }),
  rounds: z.array(RoundWithTimesSchema).max(100),
  text: z.unknown(),
  rooms: z.array(z.object({ name: text(200), update: base64 })).max(10_000),
  proposals: z.array(ProposalSchema).max(10_000),
  positions: z.array(PositionSchema).max(100_000),
  participants: z.array(ParticipantSchema).max(1000),
  // A coalition's kind, source and provenance (issue 13); absent: a campaign group, recorded.
  groups: z
    .array(
      z.object({
        id,
        name: text(200),
        kind: z.enum(['campaign', 'coalition']).optional(),
        source: text(2000).optional(),
        provenance: provenance.optional(),
      }),
    )
    .max(1000),
  /** Each coalition's members per round (issue 13); absent from earlier files. */
  coalitionMembers: z
    .array(z.object({ groupId: id, roundId: id.nullable(), actorIds: z.array(text(64)).max(400) }))
    .max(10_000)
    .optional(),
  members: z
    .array(z.object({ username: text(100), membership: MembershipSchema }))
    .max(10_000)
    .optional(),
  roundSnapshots: z.array(SnapshotSchema).max(100).optional(),
  events: z.array(EventSchema).max(1_000_000).optional(),
  /** The chair's renumberings (schema 3); absent from files of earlier versions. */
  concordances: z.array(ConcordanceSchema).max(1000).optional(),
  // Who stands where (version 2); absent from files of version 1.
  issues: z.array(IssueSchema).max(10_000).optional(),
  statements: z.array(StatementSchema).max(100_000).optional(),
  papers: z.array(PaperSchema).max(10_000).optional(),
  declarations: z.array(DeclarationSchema).max(1000).optional(),
  endorsements: z.array(EndorsementSchema).max(100_000).optional(),
  roundCounts: z.array(RoundCountSchema).max(10_000).optional(),
  treatyStatus: z.array(TreatyStatusSchema).max(1000).optional(),
  targetLists: z.array(TargetListSchema).max(10_000).optional(),
  campaignActions: z.array(CampaignActionSchema).max(100_000).optional(),
})

/** A whole negotiation as exported. */
export type NegotiationExport = z.infer<typeof NegotiationExportSchema>
