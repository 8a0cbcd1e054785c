import type { Provenance } from '../../../../shared/domain/stances/types'
import { PROVENANCE_LABELS } from '../../../../shared/domain/stances/statements'
import './provenance.css'

const SYNTHETIC_HINT = 'Made up for the demo or an exercise: never act on it'

/**
 * Where an entry comes from, as a small badge: "Reported" (its source shown on hover and on
 * focus), "Recorded", or "Synthetic" (striped and outlined, so it reads without colour).
 */
export function ProvenanceBadge({
  provenance,
  source,
}: {
  provenance: Provenance
  source?: string
}) {
  const label = PROVENANCE_LABELS[provenance]
  if (provenance === 'reported' && source) {
    // Focusable so that keyboard users see the source too; the tip is text, read after the label.
    return (
      <span className="prov prov-reported" tabIndex={0} title={source} data-provenance={provenance}>
        {label}
        <span className="prov-tip" role="tooltip">
          {' '}
          ({source})
        </span>
      </span>
    )
  }
  return (
    <span
      className={`prov prov-${provenance}`}
      title={provenance === 'synthetic' ? SYNTHETIC_HINT : undefined}
      data-provenance={provenance}
    >
      {provenance === 'synthetic' && <span aria-hidden="true">◬ </span>}
      {label}
    </span>
  )
}

/** The "Synthetic" badge of a whole proposal or paper flagged as made up for the demo. */
export function SyntheticBadge() {
  return <ProvenanceBadge provenance="synthetic" />
}
