import { SYNTHETIC_MARK, reportSummary, sectionLines } from '../../../../shared/domain/report/lines'
import { SyntheticBadge } from '../common/ProvenanceBadge'
import type { Report } from '../../../../shared/domain/report/types'
import { DiffLegend, DiffView } from '../history/DiffView'

// A line the demo made up ends in the synthetic mark: shown as the badge seen everywhere else.
function Line({ text }: { text: string }) {
  if (!text.endsWith(SYNTHETIC_MARK)) return <>{text}</>
  return (
    <>
      {text.slice(0, -SYNTHETIC_MARK.length)} <SyntheticBadge />
    </>
  )
}

/**
 * A report as a readable page: what it covers and how far its comparison goes, then per article
 * its text changes marked, edits, proposals, positions and other events; items the demo made
 * up are marked synthetic in their line.
 */
export function ReportView({ report }: { report: Report }) {
  return (
    <article className="report" aria-labelledby="report-title" data-testid="report">
      <h3 id="report-title" className="report-title">
        {report.negotiation.name}: what changed
      </h3>
      {reportSummary(report).map((line) => (
        <p key={line} className="report-summary">
          <Line text={line} />
        </p>
      ))}
      {[...report.caveats, ...report.cuts].map((line) => (
        <p key={line} className="report-caveat" role="note">
          {line}
        </p>
      ))}
      {report.sections.length === 0 && (
        <p className="muted">Nothing you may read is on record in this period.</p>
      )}
      {report.counts.textChanges > 0 && <DiffLegend />}
      {report.sections.map((section) => (
        <section
          key={section.articleId ?? 'general'}
          className="report-section"
          data-article-id={section.articleId ?? ''}
          aria-label={section.heading}
        >
          <h4>{section.heading}</h4>
          {sectionLines(section).map((block) =>
            block.kind === 'text-change' ? (
              <div key="text" className="report-block">
                <h5>{block.heading}</h5>
                {block.change.change === 'changed' &&
                  block.change.titleBefore !== block.change.titleNow && (
                    <p>
                      Title: “{block.change.titleBefore}” → “{block.change.titleNow}”
                    </p>
                  )}
                {block.change.compared && (
                  <DiffView
                    parts={block.change.diff}
                    granularity={block.change.granularity}
                    label={`${section.heading}: ${block.heading}`}
                  />
                )}
              </div>
            ) : (
              <div key={block.heading} className="report-block">
                <h5>{block.heading}</h5>
                <ul>
                  {block.lines.map((line, i) => (
                    <li key={i}>
                      <Line text={line} />
                    </li>
                  ))}
                </ul>
              </div>
            ),
          )}
        </section>
      ))}
    </article>
  )
}
