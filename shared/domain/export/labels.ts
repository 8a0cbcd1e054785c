import { describeParams, KIND_NAMES, STATUS_NAMES } from '../proposals/labels'
import type { ProposalParams, Stance } from '../proposals/types'

export { KIND_NAMES, STATUS_NAMES }

/** Headings of the stances, in the order a compendium lists them. */
export const STANCE_HEADINGS: Record<Stance, string> = {
  supports: 'Support',
  opposes: 'Oppose',
  concerns: 'Concerns',
  neutral: 'Neutral',
}

/** A kind with its parameters in a few words: "Exemption: failure rate ≤ 1 %". */
export const describeKind = (params: ProposalParams): string => describeParams(params, ': ')

/** The months' English names, January first, as dates are printed ("22 May 2008"). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** An ISO date or time as a document prints it, the same on every machine: "5 December 2007". */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`
}
