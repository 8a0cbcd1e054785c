import type {
  Session,
  SessionArticleChange,
  SessionChange,
  SessionInput,
} from '../../../../shared/domain/sessions'
import { negotiationPath, request } from '../../api'
import type { DiffGranularity, DiffParagraph, DiffPart } from '../history/historyApi'

const path = (negotiationId: string, rest = '') =>
  negotiationPath(negotiationId, `/sessions${rest}`)
const one = (negotiationId: string, sessionId: string, rest = '') =>
  path(negotiationId, `/${encodeURIComponent(sessionId)}${rest}`)

/** The board: every session's metadata (every member sees it). */
export const listSessions = async (negotiationId: string, signal?: AbortSignal) =>
  (await request<{ sessions: Session[] }>('GET', path(negotiationId), { signal })).sessions

/** One session (404 session_not_found). */
export const getSession = async (negotiationId: string, sessionId: string, signal?: AbortSignal) =>
  (await request<{ session: Session }>('GET', one(negotiationId, sessionId), { signal })).session

/** The chair creates a session, scheduled. */
export const createSession = async (negotiationId: string, input: SessionInput) =>
  (await request<{ session: Session }>('POST', path(negotiationId), { body: input })).session

/** The chair changes a session. */
export const changeSession = async (
  negotiationId: string,
  sessionId: string,
  change: SessionChange,
) =>
  (await request<{ session: Session }>('PATCH', one(negotiationId, sessionId), { body: change }))
    .session

/** The chair opens a session: its articles are copied from the main text into its room. */
export const openSession = async (negotiationId: string, sessionId: string) =>
  (await request<{ session: Session }>('POST', one(negotiationId, sessionId, '/open'))).session

/** Its facilitators (or the chair) report it back: their pen is put down. */
export const reportSession = async (negotiationId: string, sessionId: string) =>
  (await request<{ session: Session }>('POST', one(negotiationId, sessionId, '/report'))).session

/** The diff `shared/domain/diff.ts` gives, as the server sends it. */
export interface ChangeDiff {
  granularity: DiffGranularity
  parts: DiffPart[]
  paragraphs: DiffParagraph[]
}

/** A session article's change with its diff read as one. */
export type SessionChangeView = Omit<SessionArticleChange, 'diff'> & { diff: ChangeDiff | null }

// The contract leaves `diff` unknown: read what is there, and nothing if it is not a diff.
const diffOf = (value: unknown): ChangeDiff | null => {
  const d = value as Partial<ChangeDiff> | null
  if (!d || !Array.isArray(d.parts)) return null
  return {
    granularity: d.granularity ?? 'word',
    parts: d.parts,
    paragraphs: Array.isArray(d.paragraphs) ? d.paragraphs : [],
  }
}

/** Each article of the session against the main text now (whoever may read its text). */
export const getSessionChanges = async (
  negotiationId: string,
  sessionId: string,
  signal?: AbortSignal,
): Promise<SessionChangeView[]> =>
  (
    await request<{ changes: SessionArticleChange[] }>(
      'GET',
      one(negotiationId, sessionId, '/changes'),
      { signal },
    )
  ).changes.map((c) => ({ ...c, diff: diffOf(c.diff) }))

/** The chair applies one article of the session's text to the main text, or leaves it. */
export const decideArticle = async (
  negotiationId: string,
  sessionId: string,
  articleId: string,
  decision: 'apply' | 'leave',
) =>
  (
    await request<{ session: Session }>(
      'POST',
      one(negotiationId, sessionId, `/articles/${encodeURIComponent(articleId)}/${decision}`),
    )
  ).session

/** An article of the main text as the articles API lists it. */
export interface MainArticle {
  id: string
  label: string
  title: string
}

/** The main text's articles (id, label, title), for the board and the chair's form. */
export const listMainArticles = async (negotiationId: string, signal?: AbortSignal) =>
  (
    await request<{ articles: MainArticle[] }>('GET', negotiationPath(negotiationId, '/articles'), {
      signal,
    })
  ).articles
