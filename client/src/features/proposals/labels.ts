import type { Stance } from '../../../../shared/domain/proposals'
import {
  describeParams,
  KIND_NAMES,
  STATUS_NAMES,
  SUBTYPE_NAMES,
} from '../../../../shared/domain/proposals/labels'

export {
  describeParams,
  KIND_NAMES as KIND_LABELS,
  STATUS_NAMES as STATUS_LABELS,
  SUBTYPE_NAMES as SUBTYPE_LABELS,
}

/** Names of the stances, as a card says them: "France has concerns". */
export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'supports',
  opposes: 'opposes',
  concerns: 'has concerns',
  neutral: 'neutral',
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
