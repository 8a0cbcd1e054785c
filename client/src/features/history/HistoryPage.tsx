import { useEffect, useId, useMemo, useState } from 'react'
import type { Round } from '../../../../shared/domain/rounds'
import type { CollabRoom } from '../../collab/useCollabRoom'
import { linkTo, pathOf, type Navigate, type Route } from '../../useRoute'
import type { Participant } from '../actors/actorsApi'
import { nameOf } from '../proposals/actorNames'
import { useActorNames } from '../proposals/useActorNames'
import { placeOf } from '../rounds/roundsApi'
import { DiffCompare } from './DiffCompare'
import { EventList } from './EventList'
import { HistoryProposals } from './HistoryProposals'
import { activityByVersion, actorsIn, filterByActor, numberingSentence } from './historySelectors'
import { useArticleHistory } from './useArticleHistory'
import { useConcordances } from '../outline/concordanceApi'
import { formerLabels } from '../../../../shared/domain/concordance'
import { useRoomArticles } from './useRoomArticles'
import { VersionTimeline } from './VersionTimeline'
import { counted } from '../common/plural'
import '../outline/outline.css'
import { DrawerBar } from '../shell/DrawerBar'
import { useDrawers } from '../shell/useDrawers'
import '../text/workspace.css'
import './history-layout.css'

interface HistoryPageProps {
  negotiationId: string
  /** The article shown; without one, the page opens `fallbackArticleId` or the first article. */
  articleId: string | undefined
  fallbackArticleId: string | null
  room: CollabRoom | null
  participants: Participant[] | null
  rounds: readonly Round[]
  navigate: Navigate
}

/**
 * An article across rounds: the articles to choose from, how it was numbered in each text, a
 * comparison of any two versions, the timeline of its frozen texts with the changes and what
 * happened in each round, its proposals as read-only cards, and its events; filterable by actor.
 */
export function HistoryPage(props: HistoryPageProps) {
  const { negotiationId, articleId, fallbackArticleId, room, participants, rounds, navigate } =
    props
  const filterId = useId()
  const drawers = useDrawers({ outline: 'history-outline-drawer' })
  const articles = useRoomArticles(room)
  const names = useActorNames(participants)
  const { history, error } = useArticleHistory(negotiationId, articleId ?? null)
  const [actor, setActor] = useState('')

  const routeOf = (id: string): Route => ({
    page: 'negotiation',
    id: negotiationId,
    view: 'history',
    articleId: id,
  })
  const first = fallbackArticleId ?? articles[0]?.id
  useEffect(() => {
    // "History" without an article: the one the reader was in, else the first.
    if (!articleId && first) navigate(routeOf(first), { replace: true })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, first])

  const places = useMemo(() => new Map(rounds.map((r) => [r.id, placeOf(r)] as const)), [rounds])
  const versions = useMemo(() => history?.versions ?? [], [history])
  const filtered = useMemo(
    () => filterByActor(history?.proposals ?? [], history?.events ?? [], actor),
    [history, actor],
  )
  const activity = useMemo(
    () => activityByVersion(versions, filtered.proposals),
    [versions, filtered.proposals],
  )
  const actors = useMemo(
    () =>
      actorsIn(history?.proposals ?? [], history?.events ?? []).sort((a, b) =>
        nameOf(names, a).localeCompare(nameOf(names, b)),
      ),
    [history, names],
  )
  const proposalTitles = useMemo(
    () => new Map((history?.proposals ?? []).map((p) => [p.id, p.title] as const)),
    [history],
  )

  const live = articles.find((a) => a.id === articleId)
  const current = history?.article.currentNumber
  const number = live?.label ?? (current != null ? String(current) : null)
  const title = live?.title ?? history?.article.currentTitle ?? ''
  // Read again when the article's label changes: a renumbering is what changes it.
  const concordances = useConcordances(negotiationId, `${articleId}:${number}`)
  const formerly = articleId && history ? formerLabels(articleId, concordances) : []

  return (
    <div className="workspace history-workspace">
      <aside
        className="sidebar sidebar-left"
        {...drawers.drawer('outline')}
        onClick={(e) => {
          if ((e.target as Element).closest('.outline-item')) drawers.close()
        }}
      >
        <nav className="outline" aria-labelledby="history-outline-heading">
          <h2 id="history-outline-heading" className="panel-heading">
            History of <span className="count">{counted(articles.length, 'article')}</span>
          </h2>
          <ol className="outline-list" data-testid="history-outline">
            {articles.map((a) => (
              <li key={a.id}>
                <a
                  className="outline-item"
                  href={pathOf(routeOf(a.id))}
                  aria-current={a.id === articleId ? 'page' : undefined}
                  onClick={linkTo(navigate, routeOf(a.id))}
                >
                  <span className="outline-number">Art. {a.label}</span>
                  <span className="outline-title">{a.title || <em>Untitled</em>}</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </aside>
      <main className="document history-main" aria-labelledby="history-heading">
        <DrawerBar
          outline={{ ...drawers.button('outline'), label: 'Articles' }}
          where={number !== null ? `History of Art. ${number}` : null}
        />
        <div className="history-head">
          <div className="history-title-block">
            <h2 id="history-heading" className="history-title">
              {number !== null ? `Article ${number}` : 'Deleted article'}
              {title && ` · ${title}`}
            </h2>
            {formerly.length > 0 && (
              <p className="history-numbering" data-testid="formerly">
                Formerly {formerly.map((f) => `Article ${f}`).join(', then ')} (renumbered by the
                chair)
              </p>
            )}
            {versions.length > 0 && (
              <p className="history-numbering" data-testid="numbering">
                {numberingSentence(versions, places)}
              </p>
            )}
          </div>
          <div className="field history-filter">
            <label htmlFor={filterId}>Actor</label>
            <select id={filterId} value={actor} onChange={(e) => setActor(e.target.value)}>
              <option value="">All actors</option>
              {actors.map((id) => (
                <option key={id} value={id}>
                  {nameOf(names, id)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {error && (
          <p className="form-error history-error" role="alert">
            {error}
          </p>
        )}
        {!history && !error && (
          <p className="loading" role="status">
            Loading the history…
          </p>
        )}
        {history && articleId && (
          <div className="history-body">
            <DiffCompare
              key={articleId}
              negotiationId={negotiationId}
              articleId={articleId}
              versions={versions}
            />
            <h2 className="panel-heading timeline-heading">
              Texts <span className="count">{versions.length}</span>
            </h2>
            <VersionTimeline
              key={articleId}
              negotiationId={negotiationId}
              articleId={articleId}
              versions={versions}
              activity={activity}
              rounds={rounds}
              names={names}
            />
            <EventList
              events={filtered.events}
              older={history?.olderEvents}
              rounds={rounds}
              names={names}
              proposalTitles={proposalTitles}
            />
          </div>
        )}
      </main>
      <aside className="sidebar sidebar-right">
        {history && (
          <HistoryProposals
            negotiationId={negotiationId}
            proposals={filtered.proposals}
            total={history.proposals.length}
            names={names}
            rounds={rounds}
            label={number}
            concordances={concordances}
          />
        )}
      </aside>
    </div>
  )
}
