import type { ExemptionSubtype, ProposalKind, ProposalParams, ProposalStatus } from './types'

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

/** Names of the grounds for an exemption. */
export const SUBTYPE_NAMES: Record<ExemptionSubtype, string> = {
  'failure-rate': 'Failure rate',
  'non-dangerous-duds': '“Non-dangerous duds”',
  'self-destruct': 'Self-destruct / self-deactivation',
  'electronic-fuze': 'Electronic fuze',
  'direct-fire': 'Direct fire',
  'fewer-than-n-submunitions': 'Fewer than N submunitions',
  'sensor-fuzed': 'Sensor-fuzed',
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

/**
 * A kind with its parameters in a few words, the separator between them chosen by the reader:
 * "Exemption · failure rate ≤ 1 %" on a card, "Exemption: failure rate ≤ 1 %" in a document.
 */
export function describeParams(params: ProposalParams, separator = ' · '): string {
  const kind = KIND_NAMES[params.kind]
  switch (params.kind) {
    case 'exemption':
      if (params.subtype === 'failure-rate' && params.ratePercent !== undefined) {
        return `${kind}${separator}failure rate ≤ ${params.ratePercent} %`
      }
      if (params.subtype === 'fewer-than-n-submunitions' && params.n !== undefined) {
        return `${kind}${separator}fewer than ${params.n} submunitions`
      }
      return `${kind}${separator}${SUBTYPE_NAMES[params.subtype].toLowerCase()}`
    case 'transition-period':
      return `${kind}${separator}${params.years} years`
    case 'deadline-change':
      return params.fromYears === undefined
        ? `${kind}${separator}${params.toYears} years`
        : `${kind}${separator}${params.fromYears} → ${params.toYears} years`
    default:
      return kind
  }
}
