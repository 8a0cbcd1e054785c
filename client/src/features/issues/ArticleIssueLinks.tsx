import { useEffect, useState } from 'react'
import type { Issue } from '../../../../shared/domain/stances/types'
import { listIssues } from './issuesApi'
import { issueHref, openIssue } from './issueUrl'
import './issues.css'

// The issues of a negotiation, read once per negotiation for every article the panel shows.
const cache = new Map<string, Promise<Issue[]>>()
const issuesOf = (negotiationId: string) => {
  let found = cache.get(negotiationId)
  if (!found) {
    found = listIssues(negotiationId).catch(() => {
      cache.delete(negotiationId)
      return []
    })
    cache.set(negotiationId, found)
  }
  return found
}

/** "Issues on this article": links to the issues page at each issue that names the article. */
export function ArticleIssueLinks({
  negotiationId,
  articleId,
}: {
  negotiationId: string
  articleId: string
}) {
  const [issues, setIssues] = useState<Issue[]>([])
  useEffect(() => {
    let live = true
    void issuesOf(negotiationId).then((all) => live && setIssues(all))
    return () => {
      live = false
    }
  }, [negotiationId])
  const here = issues.filter((i) => i.articleIds.includes(articleId))
  if (here.length === 0) return null
  return (
    <nav className="article-issues" aria-label="Issues on this article">
      <span className="muted">Issues on this article: </span>
      {here.map((issue, i) => (
        <span key={issue.id}>
          {i > 0 && ', '}
          <a
            href={issueHref(negotiationId, issue.id)}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
              e.preventDefault()
              openIssue(negotiationId, issue.id)
            }}
          >
            {issue.title}
          </a>
        </span>
      ))}
    </nav>
  )
}
