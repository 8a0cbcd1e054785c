import type {
  ExemptionSubtype,
  ProposalKind,
  ProposalParams,
  ProposalStatus,
  Stance,
} from '../proposals/types'

/** Names of the kinds of proposal, as a delegate would say them. */
export const KIND_NAMES: Record<ProposalKind, string> = {
  exemption: 'Exemption',
  'transition-period': 'Transition period',
  interoperability: 'Interoperability',
  'deadline-change': 'Deadline change',
  definition: 'Definition',
  addition: 'Addition',
  deletion: 'Deletion',
  replacement: 'Replacement',
  'new-article': 'New article',
}

const SUBTYPE_NAMES: Record<ExemptionSubtype, string> = {
  'failure-rate': 'failure rate',
  'non-dangerous-duds': '“non-dangerous duds”',
  'self-destruct': 'self-destruct / self-deactivation',
  'electronic-fuze': 'electronic fuze',
  'direct-fire': 'direct fire',
  'fewer-than-n-submunitions': 'fewer than N submunitions',
  'sensor-fuzed': 'sensor-fuzed',
}

/** Names of the statuses in running text. */
export const STATUS_NAMES: Record<ProposalStatus, string> = {
  draft: 'draft',
  tabled: 'tabled',
  bracketed: 'bracketed',
  'under-consultation': 'under consultation',
  incorporated: 'incorporated',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  deferred: 'deferred',
}

/** Headings of the stances, in the order a compendium lists them. */
export const STANCE_HEADINGS: Record<Stance, string> = {
  supports: 'Support',
  opposes: 'Oppose',
  concerns: 'Concerns',
  neutral: 'Neutral',
}

/** A kind with its parameters in a few words: "Exemption: failure rate ≤ 1 %". */
export function describeKind(params: ProposalParams): string {
  switch (params.kind) {
    case 'exemption':
      if (params.subtype === 'failure-rate' && params.ratePercent !== undefined) {
        return `Exemption: failure rate ≤ ${params.ratePercent} %`
      }
      if (params.subtype === 'fewer-than-n-submunitions' && params.n !== undefined) {
        return `Exemption: fewer than ${params.n} submunitions`
      }
      return `Exemption: ${SUBTYPE_NAMES[params.subtype]}`
    case 'transition-period':
      return `Transition period: ${params.years} years`
    case 'deadline-change':
      return params.fromYears === undefined
        ? `Deadline change: ${params.toYears} years`
        : `Deadline change: ${params.fromYears} → ${params.toYears} years`
    default:
      return KIND_NAMES[params.kind]
  }
}

const MONTHS = [
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
