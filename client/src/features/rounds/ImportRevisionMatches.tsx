import type { ArticleMatching } from '../../../../shared/domain/matchArticles'

/** An article of the current text, as the chair picks it. */
export interface CurrentArticle {
  id: string
  label: string
  title: string
}

/** Every article of the current text named in a matching (matched or removed), by label. */
export function currentArticlesOf(matching: ArticleMatching): CurrentArticle[] {
  const byId = new Map<string, CurrentArticle>()
  for (const m of matching.matches) {
    if (m.matchedId) {
      byId.set(m.matchedId, {
        id: m.matchedId,
        label: m.matchedLabel ?? '',
        title: m.matchedTitle ?? '',
      })
    }
  }
  for (const r of matching.removed) byId.set(r.id, { id: r.id, label: r.label, title: r.title })
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }))
}

interface ImportRevisionMatchesProps {
  matching: ArticleMatching
  current: CurrentArticle[]
  /** The chair's answer per revised article: the current article it continues, or null. */
  choices: Record<number, string | null>
  onChoose: (newIndex: number, articleId: string | null) => void
}

const CONFIDENCE = { sure: 'sure', doubtful: 'check', new: 'new' } as const

const named = (a: { label: string; title: string }) =>
  `Art. ${a.label}${a.title ? ` (${a.title})` : ''}`

/**
 * The proposed matching as a table: each article of the revised text, the current article it
 * continues (a select, so the chair can change it; doubtful rows are marked to check), and why;
 * then the current articles nothing continues.
 */
export function ImportRevisionMatches({
  matching,
  current,
  choices,
  onChoose,
}: ImportRevisionMatchesProps) {
  const removed = new Set(current.map((a) => a.id))
  for (const id of Object.values(choices)) if (id) removed.delete(id)
  return (
    <>
      <table className="data-table revision-matches" data-testid="revision-matches">
        <thead>
          <tr>
            <th scope="col">Revised text</th>
            <th scope="col">Continues</th>
            <th scope="col">Match</th>
          </tr>
        </thead>
        <tbody>
          {matching.matches.map((m) => (
            <tr key={m.newIndex} className={`revision-match-${m.confidence}`}>
              <th scope="row">{named(m)}</th>
              <td>
                <select
                  aria-label={`Article ${m.label} of the revised text continues`}
                  value={choices[m.newIndex] ?? ''}
                  onChange={(e) => onChoose(m.newIndex, e.target.value || null)}
                >
                  <option value="">New article</option>
                  {current.map((a) => (
                    <option key={a.id} value={a.id}>
                      {named(a)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <span className={`revision-confidence revision-confidence-${m.confidence}`}>
                  {CONFIDENCE[m.confidence]}
                </span>{' '}
                <span className="muted small">{m.reasons.join('; ')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removed.size > 0 && (
        <p className="small">
          Not continued (their history ends with this round):{' '}
          {current
            .filter((a) => removed.has(a.id))
            .map(named)
            .join(', ')}
        </p>
      )}
    </>
  )
}
