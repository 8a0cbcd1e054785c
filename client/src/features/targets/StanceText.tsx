import type { StanceCell } from '../../../../shared/domain/stances/cells'
import { STATEMENT_STANCE_LABELS } from '../../../../shared/domain/stances/statements'
import { ProvenanceBadge } from '../common/ProvenanceBadge'

interface StanceTextProps {
  cell: StanceCell | undefined
  issueTitle: (issueId: string) => string
}

/**
 * A state's current stance on an issue in words: "Supports", "Records disagree", with "said of
 * exemptions" when it spoke only of a parent issue, and a Synthetic badge when any entry is
 * made up. "No entry" when nothing is recorded: never read as a stance.
 */
export function StanceText({ cell, issueTitle }: StanceTextProps) {
  if (!cell || cell.stance === null) {
    return (
      <span className="fact fact-unknown" data-testid="stance">
        No entry
      </span>
    )
  }
  const label = cell.stance === 'mixed' ? 'Records disagree' : STATEMENT_STANCE_LABELS[cell.stance]
  const synthetic = cell.entries.some((e) => e.provenance === 'synthetic')
  const sources = cell.entries.map((e) => e.source).filter(Boolean)
  return (
    <span
      className={`fact stance stance-${cell.stance}`}
      title={sources.join('; ') || undefined}
      data-testid="stance"
    >
      {label}
      {cell.inheritedFrom && (
        <span className="stance-inherited"> (said of {issueTitle(cell.inheritedFrom)})</span>
      )}
      {synthetic && (
        <>
          {' '}
          <ProvenanceBadge provenance="synthetic" />
        </>
      )}
    </span>
  )
}
