import {
  ProposalParamsSchema,
  type ExemptionSubtype,
  type ProposalKind,
  type ProposalParams,
} from '../../../../shared/domain/proposals'

/** The parameter fields of the proposal dialog, as typed (strings until validated). */
export interface ParamsForm {
  kind: ProposalKind
  subtype: ExemptionSubtype
  ratePercent: string
  n: string
  years: string
  fromYears: string
  toYears: string
}

/** A fresh form: an exemption on failure rate, nothing typed yet. */
export const emptyParamsForm = (kind: ProposalKind = 'replacement'): ParamsForm => ({
  kind,
  subtype: 'failure-rate',
  ratePercent: '',
  n: '',
  years: '',
  fromYears: '',
  toYears: '',
})

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s))

/** The typed parameters of the form, or a sentence saying what is missing or wrong. */
export function paramsOf(
  form: ParamsForm,
): { ok: true; params: ProposalParams } | { ok: false; reason: string } {
  let candidate: unknown
  switch (form.kind) {
    case 'exemption':
      candidate = {
        kind: 'exemption',
        subtype: form.subtype,
        ...(form.subtype === 'failure-rate' ? { ratePercent: num(form.ratePercent) } : {}),
        ...(form.subtype === 'fewer-than-n-submunitions' ? { n: num(form.n) } : {}),
      }
      break
    case 'transition-period':
      if (num(form.years) === undefined) return { ok: false, reason: 'Say how many years.' }
      candidate = { kind: form.kind, years: num(form.years) }
      break
    case 'deadline-change':
      if (num(form.toYears) === undefined)
        return { ok: false, reason: 'Say the new deadline in years.' }
      candidate = { kind: form.kind, fromYears: num(form.fromYears), toYears: num(form.toYears) }
      break
    default:
      candidate = { kind: form.kind }
  }
  const parsed = ProposalParamsSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, params: parsed.data }
  const issue = parsed.error.issues[0]
  return {
    ok: false,
    reason: `Check ${issue?.path.join('.') || 'the parameters'}: ${issue?.message ?? ''}`,
  }
}
