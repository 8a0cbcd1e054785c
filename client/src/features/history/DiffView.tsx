import type { DiffGranularity, DiffParagraph, DiffPart } from './historyApi'
import { diffCounts } from './historySelectors'
import './diff.css'
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

// What a paragraph's mark means, for screen readers (inserted and deleted words say so too).
const PARAGRAPH_NOTE: Record<DiffParagraph['op'], string | null> = {
  equal: null,
  changed: 'Paragraph changed',
  insert: 'Paragraph inserted',
  delete: 'Paragraph deleted',
}

function Runs({ parts, block }: { parts: readonly DiffPart[]; block: boolean }) {
  return parts.map((p, i) => {
    // A paragraph is its own block: its line break is shown by the block, not as an empty line.
    const text = block && i === parts.length - 1 ? p.text.replace(/\n$/, '') : p.text
    // A bracket removed or added around kept words is cleaning, not a change of wording.
    const bracket = (p as DiffPart & { bracket?: 'removed' | 'added' }).bracket
    if (bracket) {
      const Mark = bracket === 'removed' ? 'del' : 'ins'
      return (
        <Mark key={i} className="diff-bracket" title={`bracket ${bracket}`}>
          <span className="visually-hidden">bracket {bracket}: </span>
          {text}
        </Mark>
      )
    }
    return p.op === 'insert' ? (
      <ins key={i}>{text}</ins>
    ) : p.op === 'delete' ? (
      <del key={i}>{text}</del>
    ) : (
      <span key={i}>{text}</span>
    )
  })
}

/**
 * Wording with insertions and deletions marked: inserted words underlined on green, deleted
 * ones struck through on red, and announced as such to screen readers (never by colour alone).
 * Given its paragraphs, it shows one paragraph a line: words marked inside a changed paragraph,
 * a moved or rewritten one deleted whole and then inserted whole. A diff coarser than word by
 * word says so above the wording.
 */
export function DiffView({
  parts,
  paragraphs,
  label,
  granularity = 'word',
}: {
  parts: readonly DiffPart[]
  paragraphs?: readonly DiffParagraph[] | null
  label: string
  granularity?: DiffGranularity
}) {
  const diff = paragraphs ? (
    <div
      className="diff diff-by-paragraph wording"
      role="group"
      aria-label={label}
      data-testid="diff"
    >
      {paragraphs.map((p, i) => (
        <div key={i} className={`diff-paragraph diff-paragraph-${p.op}`} data-op={p.op}>
          {PARAGRAPH_NOTE[p.op] && (
            <span className="visually-hidden">{PARAGRAPH_NOTE[p.op]}: </span>
          )}
          <Runs parts={p.parts} block />
        </div>
      ))}
    </div>
  ) : (
    <div className="diff wording" role="group" aria-label={label} data-testid="diff">
      <Runs parts={parts} block={false} />
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
