import { z } from 'zod'
import type { Node } from 'prosemirror-model'
import { CLAUSE_TYPES, wordingSchema } from '../../schema'
import { flatClauses } from '../numbering'
import { findArticle, type DocRange } from './incorporate'
import {
  ProposalParamsSchema,
  PROPOSAL_STATUSES,
  STANCES,
  type Anchor,
  type Position,
  type Proposal,
  type StatusChange,
} from './types'

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
  /** True where the demo invented this step (the report does not record it). */
  synthetic: z.boolean().optional(),
})

/** A proposal of the demo scenario, anchored by a quote of the article's words. */
export const ScenarioProposalSchema = z.object({
  id,
  synthetic: z.boolean(),
  params: ProposalParamsSchema,
  title: z.string().min(1).max(200),
  sponsors: z.array(actorId).min(1),
  coSponsors: z.array(actorId),
  articleNumber: z.number().int().min(1).nullable(),
  /** The article amended (for a new article: the one it follows, or null for the end). */
  articleId: id.nullable(),
  /** Exact words of the article (unique in it) the proposal brackets; null for a new article. */
  quote: z.string().min(1).nullable(),
  wording: ScenarioWordingSchema.nullable(),
  rationale: z.string(),
  /** Where the report supports it (section and theme), or why it is synthetic. */
  source: z.string().max(300),
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
  const article = findArticle(doc, articleId)
  if (!article || quote === '' || quote.startsWith('\n') || quote.endsWith('\n')) return null
  // The clauses' text joined by "\n", and for each character its position in the document.
  let text = ''
  const at: number[] = []
  // Clauses in reading order, through option blocks (the article's title is not amended by quote).
  for (const { node: clause, pos } of flatClauses(article.node)) {
    const start = article.pos + 1 + pos + 1
    if (text !== '') {
      text += '\n'
      at.push(start - 1)
    }
    clause.forEach((inline, inlineOffset) => {
      const t = inline.text ?? ''
      for (let i = 0; i < t.length; i++) at.push(start + inlineOffset + i)
      text += t
    })
  }
  const first = text.indexOf(quote)
  if (first < 0 || text.indexOf(quote, first + 1) >= 0) return null
  return { from: at[first] as number, to: (at[first + quote.length - 1] as number) + 1 }
}

/** The wording document (wordingSchema) of a fixture's plain wording. */
export function wordingDoc(wording: ScenarioWording): Node {
  const s = wordingSchema
  const title = wording.articleTitle
    ? [s.node('article_title', null, [s.text(wording.articleTitle)])]
    : []
  const doc = s.node('doc', null, [
    ...title,
    ...wording.clauses.map((c) => s.node(c.type, null, [s.text(c.text)])),
  ])
  doc.check()
  return doc
}

/** A fixture's wording as plain text: the title and the clauses, one per line. */
export function wordingText(wording: ScenarioWording | null): string {
  if (!wording) return ''
  return [wording.articleTitle, ...wording.clauses.map((c) => c.text)]
    .filter((t): t is string => !!t)
    .join('\n')
}

/** What the loader supplies to turn a fixture proposal into a register proposal. */
export interface ScenarioContext {
  negotiationId: string
  /** The anchor built from `resolveQuote` (Yjs relative positions), or null for a new article. */
  anchor: Anchor | null
  /** The account the demo's records are attributed to. */
  accountId: string
}

/** A fixture proposal as the register holds it: status from its history, wording as JSON. */
export function scenarioProposal(sp: ScenarioProposal, ctx: ScenarioContext): Proposal {
  const history: StatusChange[] = sp.history.map(({ synthetic: _, ...h }) => ({
    ...h,
    byAccountId: ctx.accountId,
  }))
  return {
    id: sp.id,
    negotiationId: ctx.negotiationId,
    params: sp.params,
    title: sp.title,
    sponsors: sp.sponsors,
    coSponsors: sp.coSponsors,
    articleId: sp.articleId,
    anchor: ctx.anchor,
    wording: sp.wording ? wordingDoc(sp.wording).toJSON() : null,
    wordingText: wordingText(sp.wording),
    rationale: sp.rationale,
    status: history.at(-1)?.to ?? 'draft',
    tabledSeq: sp.tabledSeq,
    createdAt: sp.createdAt,
    createdBy: ctx.accountId,
    history,
    synthetic: sp.synthetic,
  }
}

/** A fixture position as the register holds it. */
export function scenarioPosition(sp: ScenarioPosition, accountId: string): Position {
  return { ...sp, recordedBy: accountId }
}
