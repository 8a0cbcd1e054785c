import {
  columnPath,
  roundName,
  type ColumnSummary as Summary,
} from '../../../../shared/domain/stances/matrix'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import { STATEMENT_STANCE_LABELS } from '../../../../shared/domain/stances/statements'
import { STANCE_SYMBOLS } from './StanceMark'

type Said = Summary['rounds'][number]['groups'][number]['rows']

/** Entries on the issue itself first, then those said of each parent issue. */
function bySource(rows: Said): [string | null, Said][] {
  const parts = new Map<string | null, Said>()
  for (const r of rows) {
    const from = r.cell.inheritedFrom
    parts.set(from, [...(parts.get(from) ?? []), r])
  }
  return [...parts].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
}

interface ColumnSummaryProps {
  summary: Summary
  data: StanceData
  onClose: () => void
}

/**
 * Who said what on one issue or proposal, round by round and grouped by stance: "who backed
 * the self-destruct exemption in Vienna" at a glance, inherited entries marked as such.
 */
export function ColumnSummary({ summary, data, onClose }: ColumnSummaryProps) {
  const issueTitle = (id: string) => data.issues.find((i) => i.id === id)?.title ?? id
  const title = columnPath(summary.column)
  return (
    <section className="panel matrix-summary" aria-labelledby="matrix-summary-heading">
      <div className="matrix-summary-head">
        <h3 id="matrix-summary-heading" className="subheading">
          Who said what on {title}
        </h3>
        <button type="button" className="button-quiet" onClick={onClose}>
          Show every actor
        </button>
      </div>
      {summary.rounds.length === 0 && <p>No entry on {title} in any round.</p>}
      {summary.rounds.map((r) => (
        <div key={r.roundId} className="matrix-summary-round">
          <h4>{roundName(data, r.roundId)}</h4>
          <ul className="plain-list">
            {r.groups.map((g) => (
              <li key={g.stance} className={`stance-group-line stance-${g.stance}`}>
                <strong>
                  <span aria-hidden="true">{STANCE_SYMBOLS[g.stance]} </span>
                  {g.stance === 'mixed' ? 'Records disagree' : STATEMENT_STANCE_LABELS[g.stance]} (
                  {g.rows.length}):
                </strong>{' '}
                {bySource(g.rows).map(([from, rows], k) => (
                  <span key={from ?? ''} className="matrix-summary-part">
                    {k > 0 && '; '}
                    {from && <em className="matrix-inherited">said of {issueTitle(from)}: </em>}
                    {rows.map(({ row, cell }, i) => (
                      <span key={row.actor.id}>
                        {i > 0 && ', '}
                        {row.actor.name}
                        {cell.entries.some((e) => e.provenance === 'synthetic') && (
                          <span className="prov prov-synthetic">Synthetic</span>
                        )}
                      </span>
                    ))}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
