import { z } from 'zod'
import type { Node } from 'prosemirror-model'
import { CLAUSE_TYPES } from '../../schema'
import { ProposalParamsSchema, PROPOSAL_STATUSES, STANCES } from './types'
import type { DocRange } from './incorporate'

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
const actorId = z.string().regex(/^([A-Z]{3}|[a-z][a-z0-9-]{0,31})$/, 'an actor id: FRA or cmc')
const isoTime = z.iso.datetime()

/** A proposal's wording in a fixture: plain clauses, and for a new article its title. */
export const ScenarioWordingSchema = z.object({
  articleTitle: z.string().min(1).optional(),
  clauses: z.array(z.object({ type: z.enum(CLAUSE_TYPES), text: z.string().min(1) })).min(1),
})
/** Plain wording of a fixture proposal. */
export type ScenarioWording = z.infer<typeof ScenarioWordingSchema>

/** One step of a fixture proposal's history (the loader adds the account that did it). */
export const ScenarioStatusChangeSchema = z.object({
  from: z.enum(PROPOSAL_STATUSES).nullable(),
  to: z.enum(PROPOSAL_STATUSES),
  byName: z.string().min(1),
  actorId: actorId.nullable(),
  at: isoTime,
  roundId: id.nullable(),
  deferredTo: id.optional(),
  note: z.string().optional(),
})

/** A proposal of the demo scenario, anchored by a quote of the article's words. */
export const ScenarioProposalSchema = z.object({
  id,
  synthetic: z.boolean(),
  params: ProposalParamsSchema,
  title: z.string().min(1).max(200),
  sponsors: z.array(actorId).min(1),
  coSponsors: z.array(actorId),
  articleNumber: z.number().int().min(1),
  articleId: id,
  /** Exact words of the article (unique in it) the proposal brackets; null for a new article. */
  quote: z.string().min(1).nullable(),
  wording: ScenarioWordingSchema.nullable(),
  rationale: z.string(),
  tabledSeq: z.number().int().min(1).nullable(),
  createdAt: isoTime,
  history: z.array(ScenarioStatusChangeSchema).min(1),
})
/** A demo proposal as the fixture holds it. */
export type ScenarioProposal = z.infer<typeof ScenarioProposalSchema>

/** A position of the demo scenario. */
export const ScenarioPositionSchema = z.object({
  id,
  proposalId: id,
  actorId,
  stance: z.enum(STANCES),
  roundId: id.nullable(),
  source: z.string().min(1).max(300),
  quote: z.string().max(1000),
  recordedAt: isoTime,
  synthetic: z.boolean(),
})
/** A demo position as the fixture holds it. */
export type ScenarioPosition = z.infer<typeof ScenarioPositionSchema>

/** The file fixtures/vienna-proposals.json: the demo's proposals and positions. */
export const ScenarioProposalsSchema = z.object({
  _source: z.string().optional(),
  negotiationId: id,
  proposals: z.array(ScenarioProposalSchema),
  positions: z.array(ScenarioPositionSchema),
})
/** Parsed contents of fixtures/vienna-proposals.json. */
export type ScenarioProposals = z.infer<typeof ScenarioProposalsSchema>

/**
 * Finds a quote in the clauses of an article of `doc` and returns its absolute range, or null
 * when it is missing or not unique. A quote may span clauses, with "\n" between them.
 */
export function resolveQuote(doc: Node, articleId: string, quote: string): DocRange | null {
  void doc
  void articleId
  void quote
  throw new Error('not implemented')
}

/** The wording document (wordingSchema) of a fixture's plain wording. */
export function wordingDoc(wording: ScenarioWording): Node {
  void wording
  throw new Error('not implemented')
}
