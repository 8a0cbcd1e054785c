import type {
  ExemptionSubtype,
  ProposalKind,
  ProposalParams,
  ProposalStatus,
  Stance,
} from '../../../../shared/domain/proposals'

/** Names of the kinds of proposal, as a delegate would say them. */
export const KIND_LABELS: Record<ProposalKind, string> = {
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
export const SUBTYPE_LABELS: Record<ExemptionSubtype, string> = {
  'failure-rate': 'Failure rate',
  'non-dangerous-duds': '“Non-dangerous duds”',
  'self-destruct': 'Self-destruct / self-deactivation',
  'electronic-fuze': 'Electronic fuze',
  'direct-fire': 'Direct fire',
  'fewer-than-n-submunitions': 'Fewer than N submunitions',
  'sensor-fuzed': 'Sensor-fuzed',
}

/** Names of the statuses. */
export const STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: 'draft',
  tabled: 'tabled',
  bracketed: 'bracketed',
  'under-consultation': 'under consultation',
  incorporated: 'incorporated',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  deferred: 'deferred',
}

/** Names of the stances. */
export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'supports',
  opposes: 'opposes',
  concerns: 'has concerns',
  neutral: 'neutral',
}

/** A kind with its parameters in a few words: "Exemption · failure rate ≤ 1 %". */
export function describeParams(params: ProposalParams): string {
  switch (params.kind) {
    case 'exemption': {
      const ground = SUBTYPE_LABELS[params.subtype]
      if (params.subtype === 'failure-rate' && params.ratePercent !== undefined) {
        return `Exemption · failure rate ≤ ${params.ratePercent} %`
      }
      if (params.subtype === 'fewer-than-n-submunitions' && params.n !== undefined) {
        return `Exemption · fewer than ${params.n} submunitions`
      }
      return `Exemption · ${ground.toLowerCase()}`
    }
    case 'transition-period':
      return `Transition period · ${params.years} years`
    case 'deadline-change':
      return params.fromYears === undefined
        ? `Deadline change · ${params.toYears} years`
        : `Deadline change · ${params.fromYears} → ${params.toYears} years`
    default:
      return KIND_LABELS[params.kind]
  }
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** An ISO time as people read it: "6 Dec 2007, 10:04". */
export const formatWhen = (iso: string): string => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}
