import { useEffect, useRef, useState } from 'react'
import { can } from '../../../../shared/domain/policy'
import type { Issue } from '../../../../shared/domain/stances/types'
import { type ArticleLabel, listArticles } from './issuesApi'
import { IssueDetail } from './IssueDetail'
import { IssueForm } from './IssueForm'
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

  // The chair's form: a new issue, or the shown one being edited (closed if another is chosen).
  const mayManage = can(principal, { type: 'manage-issues' }).ok
  const [editing, setEditing] = useState<{ issueId: string | null } | null>(null)
  const returnFocus = useRef<string | null>(null)
  const focusIssue = useRef<string | null>(null)
  const open = (issueId: string | null) => setEditing({ issueId })
  // Cancel gives the focus back to the button that opened the form, once it is shown again.
  const cancel = () => {
    returnFocus.current = editing?.issueId ? '.issue-edit button' : '.issues-head button'
    setEditing(null)
  }
  useEffect(() => {
    if (editing || !returnFocus.current) return
    document.querySelector<HTMLElement>(`.issues-page ${returnFocus.current}`)?.focus()
    returnFocus.current = null
  }, [editing])
  const saved = (savedIssue: Issue) => {
    setEditing(null)
    focusIssue.current = savedIssue.id
    setQueryParams({ issue: savedIssue.id, round: null })
    reload()
  }
  // After a save, focus the issue in the tree once the reloaded data holds it.
  useEffect(() => {
    const wanted = focusIssue.current
    if (!wanted || !data?.issues.some((i) => i.id === wanted)) return
    const item = document.querySelector<HTMLElement>(
      `.issues-nav [data-issue-id="${CSS.escape(wanted)}"]`,
    )
    if (!item) return
    item.focus()
    focusIssue.current = null
  }, [data])
  const editingIssue =
    editing && editing.issueId ? issues.find((i) => i.id === editing.issueId) : undefined
  const form =
    data && editing && (editing.issueId === null || (editingIssue && editingIssue === issue)) ? (
      <IssueForm
        key={editing.issueId ?? 'new'}
        negotiationId={negotiationId}
        issues={issues}
        proposals={data.proposals}
        articles={articles}
        issue={editingIssue ?? null}
        defaultParentId={null}
        onSaved={saved}
        onCancel={cancel}
      />
    ) : null

  return (
    <main className="sheet issues-page">
      <div className="issues-head">
        <h1>Issues</h1>
        {mayManage && data && (
          <button
            type="button"
            className="button"
            onClick={() => open(null)}
            aria-expanded={editing?.issueId === null}
          >
            New issue
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {!data && !error && <p className="muted">Loading…</p>}
      {issues.length === 0 && form}
      {data && issues.length === 0 && !form && (
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
            {form ??
              (issue ? (
                <IssueDetail
                  negotiationId={negotiationId}
                  data={data}
                  principal={principal}
                  issue={issue}
                  articles={articles}
                  roundParam={roundParam}
                  onChanged={reload}
                  onEdit={mayManage ? () => open(issue.id) : undefined}
                />
              ) : (
                <p className="muted">No issue “{issueParam}”: choose one in the tree.</p>
              ))}
          </div>
        </div>
      )}
    </main>
  )
}
