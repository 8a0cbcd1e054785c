import { PROVENANCE_LABELS } from '../../../../shared/domain/stances/statements'
import { PROVENANCES } from '../../../../shared/domain/stances/types'

/** The options of every provenance select: Reported, Recorded, Synthetic. */
export function ProvenanceOptions() {
  return (
    <>
      {PROVENANCES.map((p) => (
        <option key={p} value={p}>
          {PROVENANCE_LABELS[p]}
        </option>
      ))}
    </>
  )
}
