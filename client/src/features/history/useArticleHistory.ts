import { useEffect, useState } from 'react'
import {
  getArticleDiff,
  getArticleHistory,
  type ArticleHistory,
  type DiffGranularity,
  type DiffParagraph,
  type DiffPart,
  type VersionKey,
} from './historyApi'

/** An article's history as loaded, or why it could not be. */
export interface HistoryHandle {
  history: ArticleHistory | null
  error: string | null
}

/** Loads the history of one article (again whenever the article changes). */
export function useArticleHistory(negotiationId: string, articleId: string | null): HistoryHandle {
  const [state, setState] = useState<HistoryHandle & { of: string | null }>({
    history: null,
    error: null,
    of: null,
  })
  useEffect(() => {
    if (!articleId) return
    const abort = new AbortController()
    getArticleHistory(negotiationId, articleId, abort.signal).then(
      (history) => setState({ history, error: null, of: articleId }),
      (e: unknown) => {
        if (!abort.signal.aborted)
          setState({ history: null, error: (e as Error).message, of: articleId })
      },
    )
    return () => abort.abort()
  }, [negotiationId, articleId])
  // What was loaded for another article is not shown while this one loads.
  return state.of === articleId ? state : { history: null, error: null }
}

/** A diff between two versions of an article, or null while it loads. */
export interface DiffHandle {
  parts: DiffPart[] | null
  /** The same parts by paragraph of the text (null while loading, or from an older server). */
  paragraphs: DiffParagraph[] | null
  /** How finely the parts compare (word unless the change was too large). */
  granularity: DiffGranularity
  error: string | null
}

/** Loads the diff of an article between two versions (null pair: nothing). */
export function useArticleDiff(
  negotiationId: string,
  articleId: string,
  pair: [VersionKey, VersionKey] | null,
): DiffHandle {
  const key = pair ? `${pair[0]}→${pair[1]}` : null
  const [state, setState] = useState<DiffHandle & { of: string | null }>({
    parts: null,
    paragraphs: null,
    granularity: 'word',
    error: null,
    of: null,
  })
  useEffect(() => {
    if (!pair || !key) return
    const abort = new AbortController()
    getArticleDiff(negotiationId, articleId, pair[0], pair[1], abort.signal).then(
      ({ parts, paragraphs, granularity }) =>
        setState({ parts, paragraphs, granularity, error: null, of: key }),
      (e: unknown) => {
        if (!abort.signal.aborted)
          setState({
            parts: null,
            paragraphs: null,
            granularity: 'word',
            error: (e as Error).message,
            of: key,
          })
      },
    )
    return () => abort.abort()
    // The pair is compared by its key: a new array with the same versions loads nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [negotiationId, articleId, key])
  return state.of === key
    ? state
    : { parts: null, paragraphs: null, granularity: 'word', error: null }
}
