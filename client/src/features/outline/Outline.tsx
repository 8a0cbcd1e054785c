import { memo, useMemo, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { RoomSummary } from '../../../../shared/collab/presence'
import type { CleaningCounts } from '../../../../shared/domain/brackets'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import { ArticlePresence } from '../presence/ArticlePresence'
import type { Peer } from '../presence/usePeers'
import { ArticleSessionLink, useRouteSessions } from '../sessions/ArticleSessionLink'
import { cleaningBadge } from './cleaning'
import { goToArticle } from './goToArticle'

interface OutlineProps {
  articles: ArticleSummary[]
  currentId: string | null
  peers: Peer[]
  view: EditorView | null
  /** Open proposals per article id ("Art. 2 · 7 open"). */
  openCounts?: ReadonlyMap<string, number>
  /** Notes per article id that this person sees, not resolved ("2 notes"). */
  noteCounts?: ReadonlyMap<string, number>
  /** Brackets and option blocks left per article id ("12 [ ] · 2 opt"). */
  cleaning?: ReadonlyMap<string, CleaningCounts>
  /** The room's count of readers it does not list, per article ("12 reading"; useRoomSummary). */
  summary?: RoomSummary | null
}

/**
 * The articles in order with their labels (what negotiators call them: "2 bis" once numbers are
 * frozen) and titles, and what cleaning has left in each; a click (or Enter) jumps to
 * one; the article holding the cursor is marked, coloured dots show where others are, and a
 * count says how many proposals are open on each article, another how many notes it has.
 * A jump moves the focus into the text at the article's title and says so to screen readers.
 * Under an article taken up in a session, a link to it ("Art. 2 · in informal consultations").
 * In a conference, the readers not shown one by one are a count per article ("12 reading").
 * Memoised: it renders again only when a prop changes, so its parent passes stable values.
 */
export const Outline = memo(function Outline(props: OutlineProps) {
  const { articles, currentId, peers, view, openCounts, noteCounts, cleaning, summary } = props
  const othersIn = useMemo(() => {
    const byArticle = new Map<string, Peer[]>()
    for (const peer of peers) {
      if (peer.isLocal || !peer.articleId) continue
      byArticle.set(peer.articleId, [...(byArticle.get(peer.articleId) ?? []), peer])
    }
    return byArticle
  }, [peers])
  const [said, setSaid] = useState('')
  // Where an article is being negotiated now (issue 13): "Art. 2 · in informal consultations".
  const { negotiationId, sessions } = useRouteSessions()
  const jump = (article: ArticleSummary) => {
    if (!view || !goToArticle(view, article.id)) return
    setSaid(`Art. ${article.label}${article.title ? `, ${article.title}` : ''}: in the text.`)
  }
  return (
    <nav className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading" className="panel-heading">
        Articles <span className="count">{articles.length}</span>
      </h2>
      <ol className="outline-list" data-testid="outline">
        {articles.map((article) => {
          const here = othersIn.get(article.id) ?? []
          const open = openCounts?.get(article.id) ?? 0
          const notes = noteCounts?.get(article.id) ?? 0
          const left = cleaningBadge(cleaning?.get(article.id))
          const reading = summary?.articles[article.id] ?? 0
          return (
            <li key={article.id}>
              <button
                type="button"
                className="outline-item"
                aria-current={article.id === currentId ? 'location' : undefined}
                data-article-id={article.id}
                onClick={() => jump(article)}
              >
                <span className="outline-number">Art. {article.label}</span>
                <span className="outline-title">{article.title || <em>Untitled</em>}</span>
                {(open > 0 || notes > 0 || left) && (
                  <span className="outline-counts">
                    {left && (
                      <span
                        className="outline-cleaning"
                        data-testid="cleaning-count"
                        title={left.label}
                      >
                        <span aria-hidden="true">{left.text}</span>
                        <span className="visually-hidden">{left.label}</span>
                      </span>
                    )}
                    {open > 0 && (
                      <span className="outline-open" data-testid="open-count">
                        {open} open
                      </span>
                    )}
                    {notes > 0 && (
                      <span className="outline-notes" data-testid="note-count">
                        {notes} {notes === 1 ? 'note' : 'notes'}
                      </span>
                    )}
                  </span>
                )}
                <ArticlePresence here={here} reading={reading} />
              </button>
              {negotiationId && (
                <ArticleSessionLink
                  negotiationId={negotiationId}
                  sessions={sessions}
                  articleId={article.id}
                  label={article.label}
                />
              )}
            </li>
          )
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </nav>
  )
})
