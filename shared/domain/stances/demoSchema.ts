import { z } from 'zod'
import { ROUND_COUNT_KINDS, STATEMENT_STANCES } from './types'

// The demo's files on who stands where, as fixtures/README.md describes them: the issues and
// attributed positions of the CMC's Vienna report (fixtures/vienna-report/), its target lists,
// and the declarations with the counts sources give (fixtures/declarations.json). Every entry
// names its source; the loader records them all as provenance 'reported'.

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a-z, 0-9 and -, at most 64')
const actorId = z.string().regex(/^([A-Z]{3}|[a-z][a-z0-9-]{0,31})$/, 'an actor id: FRA or cmc')
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
const source = z.string().trim().min(1).max(300)

/** An issue the report names, with what it says of it. */
export const ReportIssueSchema = z
  .object({
    id,
    parentId: id.nullable(),
    title: z.string().trim().min(1).max(200),
    description: z.string().min(1).max(20_000),
    source,
    articleIds: z.array(id),
    proposalIds: z.array(id),
  })
  .strict()

/** fixtures/vienna-report/issues.json */
export const ReportIssuesFileSchema = z
  .object({ _source: z.string().optional(), issues: z.array(ReportIssueSchema).min(1) })
  .strict()
  .superRefine((f, ctx) => {
    const ids = new Set<string>()
    for (const [i, issue] of f.issues.entries()) {
      if (ids.has(issue.id))
        ctx.addIssue({ code: 'custom', path: ['issues', i, 'id'], message: `"${issue.id}" twice` })
      if (issue.parentId !== null && !ids.has(issue.parentId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['issues', i, 'parentId'],
          message: `the parent "${issue.parentId}" must come before its child`,
        })
      }
      ids.add(issue.id)
    }
  })
export type ReportIssuesFile = z.infer<typeof ReportIssuesFileSchema>

/**
 * One position the report attributes: an actor's stance on an issue, or on a proposal where the
 * report ties the claim to it (both when it does both), in a round, with the report's section
 * and its words or a close paraphrase.
 */
export const ReportPositionSchema = z
  .object({
    id,
    actorId,
    issueId: id.nullable(),
    proposalId: id.optional(),
    stance: z.enum(STATEMENT_STANCES),
    roundId: id,
    section: z.string().trim().min(1).max(200),
    quote: z.string().trim().min(1).max(2000),
  })
  .strict()
  .refine((p) => p.issueId !== null || p.proposalId !== undefined, {
    message: 'a position is on an issue, a proposal or both',
  })
  .refine((p) => p.proposalId === undefined || p.stance !== 'statement', {
    message: 'a position on a proposal takes a stance',
  })
export type ReportPosition = z.infer<typeof ReportPositionSchema>

/** fixtures/vienna-report/positions.json */
export const ReportPositionsFileSchema = z
  .object({
    _source: z.string().optional(),
    /** The report, named in each entry's source with the row's section. */
    source,
    positions: z.array(ReportPositionSchema).min(1),
  })
  .strict()
  .refine((f) => new Set(f.positions.map((p) => p.id)).size === f.positions.length, {
    message: 'position ids are unique',
  })
export type ReportPositionsFile = z.infer<typeof ReportPositionsFileSchema>

/** The source of a position: the report and its section. */
export const reportPositionSource = (file: ReportPositionsFile, p: ReportPosition): string =>
  `${file.source}, ${p.section}`

/** fixtures/vienna-report/targets.json: a campaign group's lists, states as the report names them. */
export const ReportTargetsFileSchema = z
  .object({
    _source: z.string().optional(),
    groupId: id,
    lists: z.array(
      z
        .object({
          id,
          name: z.string().trim().min(1).max(200),
          description: z.string().max(5000),
          source,
          states: z.array(z.object({ name: z.string().min(1), actorId }).strict()).min(1),
        })
        .strict(),
    ),
  })
  .strict()
export type ReportTargetsFile = z.infer<typeof ReportTargetsFileSchema>

/** fixtures/declarations.json: outcome documents, the endorsers a source names, round counts. */
export const DeclarationsFileSchema = z
  .object({
    _source: z.string().optional(),
    declarations: z.array(
      z
        .object({
          id,
          title: z.string().trim().min(1).max(200),
          roundId: id.nullable(),
          adoptedOn: day.nullable(),
          source,
          reportedCounts: z.array(
            z
              .object({ count: z.number().int().min(0), asOf: day, note: z.string(), source })
              .strict(),
          ),
        })
        .strict(),
    ),
    endorsements: z.array(
      z.object({ declarationId: id, actorId, date: day.nullable(), source }).strict(),
    ),
    roundCounts: z.array(
      z
        .object({
          roundId: id,
          kind: z.enum(ROUND_COUNT_KINDS),
          count: z.number().int().min(0),
          asOf: day.nullable(),
          note: z.string(),
          source,
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((f, ctx) => {
    const ids = new Set(f.declarations.map((d) => d.id))
    for (const [i, e] of f.endorsements.entries()) {
      if (!ids.has(e.declarationId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['endorsements', i, 'declarationId'],
          message: `no declaration "${e.declarationId}"`,
        })
      }
    }
  })
export type DeclarationsFile = z.infer<typeof DeclarationsFileSchema>
