import { useEffect, useState } from 'react'
import { type ArticleLabel, listArticles } from './issuesApi'
import { IssueDetail } from './IssueDetail'
import { IssueTree } from './IssueTree'
import { setQueryParams, useQueryParam } from './issueUrl'
import { childrenOf } from './whoStandsWhere'
import { useStanceData, type StancePageProps } from '../stances/useStanceData'
import './issues.css'

/**
 * Issues: the questions the negotiation turns on, as a tree; the one chosen (kept in the
 * address, ?issue=) with its articles, proposals, who stands where, and briefing papers.
 */
export function IssuesPage({ negotiationId, principal }: StancePageProps) {
  const { data, error, reload } = useStanceData(negotiationId)
  const issueParam = useQueryParam('issue')
  const roundParam = useQueryParam('round')
  const [articles, setArticles] = useState<ArticleLabel[] | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    listArticles(negotiationId, abort.signal).then(setArticles, () => {})
    return () => abort.abort()
  }, [negotiationId])

  const issues = data?.issues ?? []
  const issue =
    issues.find((i) => i.id === issueParam) ??
    (issueParam ? undefined : childrenOf(issues).get(null)?.[0])
  const select = (issueId: string) => setQueryParams({ issue: issueId, round: null })

  return (
    <main className="sheet issues-page">
      <h1>Issues</h1>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {!data && !error && <p className="muted">Loading…</p>}
      {data && issues.length === 0 && (
        <p className="muted">
          No issues yet: the chair names the questions the negotiation turns on.
        </p>
      )}
      {data && issues.length > 0 && (
        <div className="issues-layout">
          <nav className="issues-nav" aria-label="Issue tree">
            <IssueTree issues={issues} selectedId={issue?.id ?? null} onSelect={select} />
          </nav>
          <div className="issues-main">
            {issue ? (
              <IssueDetail
                negotiationId={negotiationId}
                data={data}
                principal={principal}
                issue={issue}
                articles={articles}
                roundParam={roundParam}
                onChanged={reload}
              />
            ) : (
              <p className="muted">No issue “{issueParam}”: choose one in the tree.</p>
            )}
          </div>
        </div>
      )}
    </main>
  )
}
