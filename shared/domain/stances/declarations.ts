import { z } from 'zod'
import { PROVENANCES, ROUND_COUNT_KINDS } from './types'

// What the secretariat and delegations send to record outcome documents, who endorsed them, and
// the counts sources give: validated once, at the server's edge, and reusable by the client.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
const source = z.string().trim().max(1000)

/** A count a source gives for a declaration ("82 states at the meeting"); the source is named. */
export const ReportedCountSchema = z
  .object({
    count: z.number().int().min(0).max(1000),
    asOf: day,
    note: z.string().trim().max(500).default(''),
    source: source.min(1, 'a count names its source'),
  })
  .strict()

/** An outcome document as the chair records it. */
export const DeclarationInputSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a-z, 0-9 and -, at most 64')
      .optional(),
    title: z.string().trim().min(1).max(200),
    roundId: z.string().min(1).max(64).nullable().default(null),
    adoptedOn: day.nullable().default(null),
    source: source.default(''),
    reportedCounts: z.array(ReportedCountSchema).max(50).default([]),
  })
  .strict()
/** A validated declaration input. */
export type DeclarationInput = z.infer<typeof DeclarationInputSchema>

/** One actor's endorsement as the chair or its delegation records it. */
export const EndorsementInputSchema = z
  .object({
    date: day.nullable().default(null),
    source: source.default(''),
    provenance: z.enum(PROVENANCES).default('recorded'),
  })
  .strict()
  .refine((e) => e.provenance !== 'reported' || e.source.length > 0, {
    message: 'a reported endorsement names its source',
    path: ['source'],
  })
/** A validated endorsement input. */
export type EndorsementInput = z.infer<typeof EndorsementInputSchema>

/** A count of states at a round as a source gives it (138 in Vienna); the source is named. */
export const RoundCountInputSchema = z
  .object({
    roundId: z.string().min(1).max(64),
    kind: z.enum(ROUND_COUNT_KINDS),
    count: z.number().int().min(0).max(1000),
    asOf: day.nullable().default(null),
    note: z.string().trim().max(500).default(''),
    source: source.min(1, 'a count names its source'),
  })
  .strict()
/** A validated round count input. */
export type RoundCountInput = z.infer<typeof RoundCountInputSchema>
