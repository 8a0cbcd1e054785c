import { z } from 'zod'

/** What a search may look in. */
export const SEARCH_KINDS = ['text', 'proposals', 'positions', 'notes', 'events'] as const
/** One kind of thing a search finds. */
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** The longest query accepted, in characters. */
export const MAX_QUERY_CHARS = 200
/** At most this many words of a query are searched for; the rest are ignored. */
export const MAX_QUERY_TERMS = 12
/** Hits per kind unless the caller asks for fewer (never more). */
export const MAX_HITS_PER_KIND = 50

const kindList = z
  .string()
  .max(100)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(SEARCH_KINDS)).min(1))

/** The query string of GET .../search, parsed: q, round ('current' or a round id), kinds, limit. */
export const SearchParamsSchema = z.object({
  q: z.string().trim().min(1).max(MAX_QUERY_CHARS),
  round: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .default('current'),
  kinds: kindList.default([...SEARCH_KINDS]),
  limit: z.coerce.number().int().min(1).max(MAX_HITS_PER_KIND).default(20),
})
/** A parsed search request. */
export type SearchParams = z.infer<typeof SearchParamsSchema>

/**
 * A person's words as an FTS5 query: each word a quoted term (so that FTS syntax such as NEAR,
 * `*`, `"` or column filters is only ever text), all required, the last one matched as a prefix
 * so that results come while typing. Null when nothing searchable is left.
 */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_QUERY_TERMS) ?? []
  if (words.length === 0) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

/** Where the index marks a match in a snippet: start and end (exclusive) in `text`. */
export interface Marked {
  text: string
  marks: [number, number][]
}

/** The markers the index puts around matches (control characters, removed from indexed text). */
export const MARK_OPEN = '\u0001'
/** See MARK_OPEN. */
export const MARK_CLOSE = '\u0002'

/** Removes the match markers from text before it is indexed, so that none can be forged. */
export const unmarkable = (s: string): string =>
  s.split(MARK_OPEN).join(' ').split(MARK_CLOSE).join(' ')

/** Text with the index's markers turned into ranges, the markers removed. */
export function parseMarked(raw: string): Marked {
  let text = ''
  const marks: [number, number][] = []
  let open: number | null = null
  for (const ch of raw) {
    if (ch === MARK_OPEN) open = text.length
    else if (ch === MARK_CLOSE) {
      if (open !== null && text.length > open) marks.push([open, text.length])
      open = null
    } else text += ch
  }
  return { text, marks }
}
