import type { NegotiationEvent } from '../../../../shared/domain/events'
import type { Position, Proposal } from '../../../../shared/domain/proposals'
import { negotiationPath, request } from '../../api'

/** One version of an article: as frozen when a round closed, or as it is now (roundId null). */
export interface ArticleVersion {
  roundId: string | null
  roundName?: string | null
  /** The frozen text it belongs to ("Vienna Discussion Text"); for the current text, `name`. */
  snapshotName?: string | null
  name?: string | null
  closedAt?: string | null
  /** Its number in that text, or null where the article was not in it. */
  number: number | null
  /** What negotiators called it in that text ("2 bis"); absent from older servers' answers. */
  label?: string | null
  title: string
  /** Its wording as plain text, clause by clause. */
  text: string
}

/** A proposal on the article with its status changes and its positions. */
export type HistoryProposal = Proposal & { positions?: Position[] }

/** An article across rounds: its versions, the proposals on it and the events about it. */
export interface ArticleHistory {
  article: { id: string; currentNumber: number | null; currentTitle: string }
  versions: ArticleVersion[]
  proposals: HistoryProposal[]
  /** The newest events about the article (at most 1000). */
  events: NegotiationEvent[]
  /** Whether the history leaves out earlier events (they are in the negotiation's log). */
  olderEvents?: boolean
}

/** One run of words of a diff. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

/** How finely a diff compared: word by word, paragraph by paragraph, or the whole text. */
export type DiffGranularity = 'word' | 'paragraph' | 'text'

/** One paragraph of a diff: unchanged, changed word by word, inserted or deleted whole. */
export interface DiffParagraph {
  op: 'equal' | 'changed' | 'insert' | 'delete'
  parts: DiffPart[]
}

/** Which version a diff starts or ends at: a round's id, or 'current'. */
export type VersionKey = string

/** The key of a version, for selects and the diff API. */
export const keyOf = (v: Pick<ArticleVersion, 'roundId'>): VersionKey => v.roundId ?? 'current'

const path = (negotiationId: string, articleId: string, rest: string) =>
  negotiationPath(negotiationId, `/articles/${encodeURIComponent(articleId)}${rest}`)

/** The history of one article (every actor's proposals, positions and events). */
export const getArticleHistory = (negotiationId: string, articleId: string, signal?: AbortSignal) =>
  request<ArticleHistory>('GET', path(negotiationId, articleId, '/history'), { signal })

/** A diff of the article between two versions (word-level unless the change is too large). */
export const getArticleDiff = async (
  negotiationId: string,
  articleId: string,
  from: VersionKey,
  to: VersionKey,
  signal?: AbortSignal,
) => {
  const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
  const answer = await request<{
    diff: DiffPart[]
    paragraphs?: DiffParagraph[]
    granularity?: DiffGranularity
  }>('GET', path(negotiationId, articleId, `/diff${query}`), { signal })
  return {
    parts: answer.diff,
    paragraphs: answer.paragraphs ?? null,
    granularity: answer.granularity ?? 'word',
  }
}
