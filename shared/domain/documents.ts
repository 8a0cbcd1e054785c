import { z } from 'zod'

/** How widely a conference document is circulated: to everyone, or to participants only. */
export const DISTRIBUTIONS = ['general', 'limited'] as const
/** A distribution of a conference document. */
export type Distribution = (typeof DISTRIBUTIONS)[number]

/** What the chair sets on a text as circulated: its document symbol and its distribution. */
export interface DocumentSettings {
  /** The closed round whose frozen text this is, or null for the current (live) text. */
  roundId: string | null
  /** The document symbol, e.g. "CCM/CONF/2008/WP.1"; "" when none is set. */
  symbol: string
  distribution: Distribution
  updatedAt: string
  updatedBy: string
}

/** The body of `PATCH /api/negotiations/:id/documents`. */
export const DocumentSettingsInputSchema = z.object({
  roundId: z.string().min(1).max(64).nullable().default(null),
  symbol: z
    .string()
    .trim()
    .max(80)
    .regex(/^[^\n\r\t]*$/, 'a symbol on one line'),
  distribution: z.enum(DISTRIBUTIONS),
})
/** What the chair sends to set a document's symbol and distribution. */
export type DocumentSettingsInput = z.infer<typeof DocumentSettingsInputSchema>

/** The distribution line a circulated document carries: "Distr.: General". */
export const distributionLine = (d: Distribution): string =>
  `Distr.: ${d === 'general' ? 'General' : 'Limited'}`
