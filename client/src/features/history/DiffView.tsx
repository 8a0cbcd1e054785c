import type { DiffGranularity, DiffPart } from './historyApi'
import { diffCounts } from './historySelectors'
import { counted } from '../common/plural'

/** The count of words a diff inserts and deletes: "+12 words · −5 words". */
export function DiffCounts({ parts }: { parts: readonly DiffPart[] }) {
  const { inserted, deleted } = diffCounts(parts)
  if (inserted === 0 && deleted === 0) return <span className="diff-counts">no change</span>
  return (
    <span className="diff-counts">
      <span className="diff-count-ins">+{counted(inserted, 'word')}</span>{' '}
      <span className="diff-count-del">−{counted(deleted, 'word')}</span>
    </span>
  )
}

// What a coarser comparison means for the reader.
const COARSER: Record<Exclude<DiffGranularity, 'word'>, string> = {
  paragraph: 'Compared paragraph by paragraph: the change is too large to mark word by word.',
  text: 'Compared as a whole: the change is too large to mark word by word or by paragraph.',
}

/**
 * Wording with insertions and deletions marked: inserted words underlined on green, deleted
 * ones struck through on red, and announced as such to screen readers (never by colour alone).
 * A diff coarser than word by word says so above the wording.
 */
export function DiffView({
  parts,
  label,
  granularity = 'word',
}: {
  parts: readonly DiffPart[]
  label: string
  granularity?: DiffGranularity
}) {
  const diff = (
    <div className="diff wording" role="group" aria-label={label} data-testid="diff">
      {parts.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i}>{p.text}</ins>
        ) : p.op === 'delete' ? (
          <del key={i}>{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  )
  if (granularity === 'word') return diff
  return (
    <>
      <p className="muted diff-granularity" data-testid="diff-granularity">
        {COARSER[granularity]}
      </p>
      {diff}
    </>
  )
}

/** The key under a diff: what the marks mean. */
export function DiffLegend() {
  return (
    <p className="diff-legend">
      <ins>inserted</ins> <del>deleted</del>
    </p>
  )
}
