import { distributionLine, type Distribution } from '../documents'
import { escapeHtml } from './escape'
import { formatDay } from './labels'

/** What heads a document as a conference circulates it. */
export interface TitleBlock {
  negotiation: string
  /** The round the text belongs to ("Dublin Diplomatic Conference"), or null. */
  round: string | null
  /** The chair's document symbol, or "" when none is set. */
  symbol: string
  distribution: Distribution
  /** The date of the text, not of the export: "28 May 2008", "Current text as of …". */
  dateLine: string
  /** True where the text was invented for the demo. */
  synthetic: boolean
}

/** "30 November 2026, 09:12 UTC": a time as documents print it, the same on every machine. */
export const formatTime = (iso: string): string => `${formatDay(iso)}, ${iso.slice(11, 16)} UTC`

/** The lines of a title block's right-hand column: symbol, distribution, date. */
export function titleBlockLines(b: TitleBlock): { left: string[]; right: string[] } {
  const left = [b.negotiation, ...(b.round ? [b.round] : [])]
  const right = [
    ...(b.symbol ? [b.symbol] : []),
    distributionLine(b.distribution),
    b.dateLine,
    ...(b.synthetic ? ['Synthetic text (made for the demo)'] : []),
  ]
  return { left, right }
}

/** A title block as HTML, for the print pages. */
export function titleBlockHtml(b: TitleBlock): string {
  const { left, right } = titleBlockLines(b)
  const col = (lines: string[], cls: string) =>
    `<div class="${cls}">${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`
  return `<div class="title-block">${col(left, 'tb-left')}${col(right, 'tb-right')}</div>`
}
