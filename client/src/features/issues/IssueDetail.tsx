import { useId } from 'react'
import type { Principal } from '../../../../shared/domain/policy'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import type { Issue } from '../../../../shared/domain/stances/types'
import { ProvenanceBadge, SyntheticBadge } from '../common/ProvenanceBadge'
import { IssuePapers } from './IssuePapers'
import { MarkdownText } from './MarkdownText'
import { StatementForm } from './StatementForm'
import { WhoStandsWhere } from './WhoStandsWhere'
import type { ArticleLabel } from './issuesApi'
import { openArticle, openProposal, setQueryParams } from './issueUrl'
import { mayRecord } from './recordOf'
import { roundsWithEntries } from './whoStandsWhere'

interface IssueDetailProps {
  negotiationId: string
  data: StanceData
  principal: Principal
  issue: Issue
  articles: ArticleLabel[] | null
  /** The round asked for in the address (?round=), 'all', or null for the default. */
  roundParam: string | null
  onChanged: () => void
  /** Opens the chair's form to edit the issue; absent for readers who may not. */
  onEdit?: () => void
}

/**
 * One issue: its description, the articles and proposals it concerns, who stands where on it
 * (the latest round with entries by default), the form to record a statement and its papers.
 */
export function IssueDetail(props: IssueDetailProps) {
  const { negotiationId, data, principal, issue, articles, roundParam, onChanged, onEdit } = props
  const id = useId()
  const withEntries = roundsWithEntries(data, issue.id)
  const roundIds =
    roundParam === 'all'
      ? withEntries
      : roundParam && data.rounds.some((r) => r.id === roundParam)
        ? [roundParam]
        : withEntries.slice(0, 1)
  const shownRound = roundParam === 'all' ? 'all' : (roundIds[0] ?? '')
  const parent = data.issues.find((i) => i.id === issue.parentId)
  const proposals = data.proposals.filter((p) => issue.proposalIds.includes(p.id))
  const articleOf = (articleId: string) => articles?.find((a) => a.id === articleId)

  return (
    <article className="issue-detail" aria-labelledby={`${id}-title`}>
      <header>
        {parent && <p className="muted issue-parent">Part of {parent.title}</p>}
        <h2 id={`${id}-title`}>
          {issue.title}
          <ProvenanceBadge provenance={issue.provenance} source={issue.source} />
        </h2>
        {issue.source && <p className="muted">Named in: {issue.source}</p>}
        {onEdit && (
          <p className="issue-edit">
            <button type="button" className="button" onClick={onEdit}>
              Edit
            </button>
          </p>
        )}
      </header>
      {issue.description && <MarkdownText text={issue.description} className="issue-description" />}

      {(issue.articleIds.length > 0 || proposals.length > 0) && (
        <div className="issue-links">
          {issue.articleIds.length > 0 && (
            <section aria-label="Articles">
              <h3>Articles</h3>
              <ul>
                {issue.articleIds.map((articleId) => {
                  const a = articleOf(articleId)
                  return (
                    <li key={articleId}>
                      <a
                        href={`/n/${encodeURIComponent(negotiationId)}`}
                        onClick={(e) => {
                          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
                          e.preventDefault()
                          openArticle(negotiationId, articleId)
                        }}
                      >
                        {a
                          ? `Art. ${a.label} ${a.title}`.trim()
                          : articles
                            ? 'An article no longer in the text'
                            : articleId}
                      </a>
                    </li>
                  )
                })}
              </ul>
            </section>
          )}
          {proposals.length > 0 && (
            <section aria-label="Proposals">
              <h3>Proposals</h3>
              <ul>
                {proposals.map((p) => (
                  <li key={p.id}>
                    <a
                      href={`/n/${encodeURIComponent(negotiationId)}`}
                      onClick={(e) => {
                        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
                        e.preventDefault()
                        openProposal(negotiationId, p.id, p.articleId ?? null)
                      }}
                    >
                      {p.title}
                    </a>{' '}
                    <span className="muted">({p.status})</span>
                    {p.synthetic && <SyntheticBadge />}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}

      <section className="who-stands-where" aria-labelledby={`${id}-who`}>
        <div className="who-head">
          <h3 id={`${id}-who`}>Who stands where</h3>
          <label>
            Round{' '}
            <select
              value={shownRound}
              onChange={(e) => setQueryParams({ round: e.target.value || null }, true)}
            >
              {withEntries.length === 0 && <option value="">No entries yet</option>}
              {data.rounds
                .filter((r) => withEntries.includes(r.id) || r.id === roundParam)
                .sort((a, b) => b.startDate.localeCompare(a.startDate))
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              {withEntries.length > 1 && <option value="all">All rounds, newest first</option>}
            </select>
          </label>
        </div>
        <WhoStandsWhere
          negotiationId={negotiationId}
          data={data}
          principal={principal}
          issue={issue}
          roundIds={roundIds}
          onChanged={onChanged}
        />
      </section>

      {mayRecord(principal) && (
        <StatementForm
          key={issue.id}
          negotiationId={negotiationId}
          data={data}
          principal={principal}
          target={{ kind: 'issue', issueId: issue.id }}
          defaultRoundId={
            (shownRound !== 'all' && shownRound) ||
            data.rounds.find((r) => r.status === 'open')?.id ||
            null
          }
          onRecorded={onChanged}
        />
      )}

      <IssuePapers
        negotiationId={negotiationId}
        data={data}
        principal={principal}
        issueId={issue.id}
      />
    </article>
  )
}
