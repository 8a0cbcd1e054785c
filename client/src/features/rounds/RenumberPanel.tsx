import { useEffect, useState } from 'react'
import type { Concordance } from '../../../../shared/domain/concordance'
import { ConfirmDialog } from '../common/ConfirmDialog'
import { formatWhen } from '../proposals/labels'
import { listConcordances, renumberText } from './numberingApi'

interface RenumberPanelProps {
  negotiationId: string
  /** Whether this person may renumber (the chair); others read the concordance only. */
  canRenumber: boolean
  /** Runs the command through the page (errors shown, the page read again). */
  run: (action: () => Promise<unknown>) => Promise<void>
  generation: number
}

/**
 * Numbering: the renumberings so far as old → new labels with who and when (the concordance
 * references are read through), and the chair's command to renumber the text from order.
 */
export function RenumberPanel({ negotiationId, canRenumber, run, generation }: RenumberPanelProps) {
  const [list, setList] = useState<Concordance[]>([])
  const [asking, setAsking] = useState(false)
  useEffect(() => {
    const abort = new AbortController()
    listConcordances(negotiationId, abort.signal).then(setList, () => {})
    return () => abort.abort()
  }, [negotiationId, generation])
  return (
    <section className="renumbering" aria-labelledby="renumbering-heading">
      <h3 id="renumbering-heading" className="subheading">
        Renumberings <span className="count">{list.length}</span>
      </h3>
      {list.length === 0 ? (
        <p className="muted small">
          Numbers stay as circulated: articles added since read “2 bis”, “2 ter”.
        </p>
      ) : (
        <ol className="concordance-list" data-testid="concordance">
          {list.map((c) => (
            <li key={c.seq}>
              By {c.byName}, <time dateTime={c.at}>{formatWhen(c.at)}</time>:{' '}
              {c.articles.length === 0
                ? 'no article changed number'
                : c.articles.map((a) => `Art. ${a.from} → ${a.to}`).join(', ')}
              {c.clauses.length > 0 && (
                <span className="muted">
                  {' '}
                  · {c.clauses.length} {c.clauses.length === 1 ? 'paragraph' : 'paragraphs'}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canRenumber && (
        <>
          <button type="button" className="button-quiet" onClick={() => setAsking(true)}>
            Renumber the text…
          </button>
          <ConfirmDialog
            open={asking}
            title="Renumber the text?"
            confirmLabel="Renumber"
            danger={false}
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false)
              void run(() => renumberText(negotiationId)).catch(() => {})
            }}
          >
            Every article and paragraph takes its number from its place (“2 bis” becomes 3, and the
            articles after it move up). The old and new numbers are kept, so references to the old
            ones still resolve, shown with both numbers.
          </ConfirmDialog>
        </>
      )}
    </section>
  )
}
