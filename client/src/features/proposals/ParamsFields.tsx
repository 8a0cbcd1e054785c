import {
  EXEMPTION_SUBTYPES,
  PROPOSAL_KINDS,
  type ExemptionSubtype,
  type ProposalKind,
} from '../../../../shared/domain/proposals'
import { KIND_LABELS, SUBTYPE_LABELS } from './labels'
import type { ParamsForm } from './paramsForm'

interface ParamsFieldsProps {
  form: ParamsForm
  onChange: (form: ParamsForm) => void
  /** True for a proposed new article: the kind is fixed. */
  newArticle: boolean
}

interface NumberFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  step?: string
  suffix?: string
}

function NumberField({ id, label, value, onChange, step = '1', suffix }: NumberFieldProps) {
  return (
    <div className="field field-number">
      <label htmlFor={id}>{label}</label>
      <span className="number-with-unit">
        <input
          id={id}
          type="number"
          min="0"
          step={step}
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </span>
    </div>
  )
}

/** The kind of a proposal and its typed parameters (rate %, N, years, from → to years). */
export function ParamsFields({ form, onChange, newArticle }: ParamsFieldsProps) {
  const set = (change: Partial<ParamsForm>) => onChange({ ...form, ...change })
  const kinds = PROPOSAL_KINDS.filter((k) =>
    newArticle ? k === 'new-article' : k !== 'new-article',
  )
  return (
    <div className="params-fields">
      <div className="field">
        <label htmlFor="proposal-kind">Kind</label>
        <select
          id="proposal-kind"
          value={form.kind}
          disabled={newArticle}
          onChange={(e) => set({ kind: e.target.value as ProposalKind })}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {form.kind === 'exemption' && (
        <div className="field">
          <label htmlFor="proposal-subtype">Ground</label>
          <select
            id="proposal-subtype"
            value={form.subtype}
            onChange={(e) => set({ subtype: e.target.value as ExemptionSubtype })}
          >
            {EXEMPTION_SUBTYPES.map((s) => (
              <option key={s} value={s}>
                {SUBTYPE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      )}
      {form.kind === 'exemption' && form.subtype === 'failure-rate' && (
        <NumberField
          id="proposal-rate"
          label="Failure rate"
          step="0.1"
          suffix="%"
          value={form.ratePercent}
          onChange={(ratePercent) => set({ ratePercent })}
        />
      )}
      {form.kind === 'exemption' && form.subtype === 'fewer-than-n-submunitions' && (
        <NumberField
          id="proposal-n"
          label="N submunitions"
          value={form.n}
          onChange={(n) => set({ n })}
        />
      )}
      {form.kind === 'transition-period' && (
        <NumberField
          id="proposal-years"
          label="Transition period"
          suffix="years"
          value={form.years}
          onChange={(years) => set({ years })}
        />
      )}
      {form.kind === 'deadline-change' && (
        <>
          <NumberField
            id="proposal-from-years"
            label="From"
            suffix="years"
            value={form.fromYears}
            onChange={(fromYears) => set({ fromYears })}
          />
          <NumberField
            id="proposal-to-years"
            label="To"
            suffix="years"
            value={form.toYears}
            onChange={(toYears) => set({ toYears })}
          />
        </>
      )}
    </div>
  )
}
