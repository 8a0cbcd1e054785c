import type { TreatyAction, TreatyStatus } from './types'

/**
 * A state's treaty status in words and in classes, as the actors table, the matrix (page, CSV,
 * XLSX) and the map all say it. Unknown stays unknown: a state the depositary's list does not
 * hold is "unknown", never "not signed".
 */

const ACTION_WORDS: Record<TreatyAction, string> = {
  ratification: 'Ratified',
  accession: 'Acceded',
  acceptance: 'Accepted',
  approval: 'Approved',
  succession: 'Succeeded',
}

/** Names the treaty source's list from its rows: "the partial UNTC list", "the imported list". */
export function treatyAbsentText(rows: readonly Pick<TreatyStatus, 'source'>[]): string {
  if (rows.length === 0) return 'no treaty status imported'
  const sources = rows.map((r) => r.source).join(' ')
  const partial = /partial/i.test(sources) ? 'partial ' : ''
  const name = /UNTC|Treaty Collection/i.test(sources) ? 'UNTC' : 'imported'
  return `not in the ${partial}${name} list`
}

/** A treaty status in words: a short text, the source for a tooltip, and whether it is known. */
export interface TreatyWords {
  text: string
  title: string
  known: boolean
}

/**
 * A state's treaty status in words: "Signed 2008-12-03 · Ratified 2011-09-08", or
 * "Unknown: not in the partial UNTC list" when the list (named by `absent`) has no row for it.
 */
export function treatyStatusText(
  row: TreatyStatus | null | undefined,
  absent: string,
): TreatyWords {
  if (!row) return { text: `Unknown: ${absent}`, title: '', known: false }
  const parts = [
    row.signature ? `Signed ${row.signature}` : 'No signature listed',
    row.action && row.actionDate ? `${ACTION_WORDS[row.action]} ${row.actionDate}` : null,
    row.provisionalApplication ? `Art. 18 declaration ${row.provisionalApplication}` : null,
    row.declarations ? `Note: ${row.declarations}` : null,
  ].filter((p): p is string => p !== null)
  return { text: parts.join(' · '), title: row.source, known: true }
}

/** What the map colours by treaty status: bound (ratified, acceded, ...), signed only, unknown. */
export type TreatyClass = 'ratified' | 'signed' | 'unknown'

/** The classes in the order the legend and the summaries list them. */
export const TREATY_CLASSES: readonly TreatyClass[] = ['ratified', 'signed', 'unknown']

/**
 * A row's class: bound when the list gives an action or its date, signed when it gives only a
 * signature; no row (or a row with neither) is unknown, never "not signed".
 */
export function treatyClass(row: TreatyStatus | null | undefined): TreatyClass {
  if (row?.action || row?.actionDate) return 'ratified'
  if (row?.signature) return 'signed'
  return 'unknown'
}

/** How the map's legend and summaries name a class, the unknown one after the list it is not in. */
export function treatyClassLabel(c: TreatyClass, absent: string): string {
  if (c === 'ratified') return 'Ratified, acceded or otherwise bound'
  if (c === 'signed') return 'Signed, not yet bound'
  return `Unknown: ${absent}`
}
