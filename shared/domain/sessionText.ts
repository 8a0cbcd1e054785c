import type { Node } from 'prosemirror-model'
import { articleText, findArticleNode } from './articleText'
import { MONTHS } from './export/labels'
import { outlineOf } from './numbering'
import type { Session } from './sessions'

/**
 * A session's working text (issue 13), pure: the copy made when it opens, its articles read
 * against the main text's, and an article of it brought into the main text.
 */

/** Why a session command refused, as the REST answer's `error.code`. */
export type SessionErrorCode =
  | 'invalid_request'
  | 'forbidden'
  | 'session_not_found'
  | 'session_taken'
  | 'unknown_facilitator'
  | 'unknown_article'
  | 'unknown_issue'
  | 'session_not_scheduled'
  | 'session_not_in_session'
  | 'session_not_reported'
  | 'article_not_in_session'
  | 'article_missing'
  | 'busy'

/**
 * The session's first text: the main text's title, an empty preamble (one empty paragraph, as
 * the editor's structure needs) and the session's articles in the main text's order, each with
 * its stable id and attributes. An article without a fixed label gets the one the main text
 * gives it by order, so that Article 2 reads as Article 2 in a text of its own. Articles not in
 * the main text are left out (`missing` names them).
 */
export function sessionDoc(
  main: Node,
  articleIds: readonly string[],
): { doc: Node; missing: string[] } {
  const schema = main.type.schema
  const wanted = new Set(articleIds)
  const labels = new Map(outlineOf(main).map((a) => [a.id, a.label]))
  const blocks: Node[] = []
  const title = main.firstChild?.type.name === 'title' ? main.firstChild : null
  blocks.push(title ?? schema.nodes.title!.create())
  blocks.push(schema.nodes.preamble!.create(null, schema.nodes.paragraph!.create()))
  const found = new Set<string>()
  main.forEach((node) => {
    const id = String(node.attrs.id ?? '')
    if (node.type.name !== 'article' || !wanted.has(id) || found.has(id)) return
    found.add(id)
    const label = String(node.attrs.label ?? '') || labels.get(id) || ''
    blocks.push(node.type.create({ ...node.attrs, label }, node.content, node.marks))
  })
  const doc = schema.topNodeType.create(null, blocks)
  doc.check()
  return { doc, missing: articleIds.filter((id) => !found.has(id)) }
}

/** The outcome of bringing one article of a session's text into the main text. */
export type AppliedText =
  { ok: true; doc: Node } | { ok: false; reason: 'article-missing' | 'not-in-session-text' }

/**
 * The main text with the article `articleId` worded as in the session's text: the main text's
 * article keeps its attributes (id, fixed label or none) and takes the session's title and
 * clauses; everything else stays as it is.
 */
export function applySessionArticle(main: Node, session: Node, articleId: string): AppliedText {
  const from = findArticleNode(session, articleId)
  if (!from) return { ok: false, reason: 'not-in-session-text' }
  let index = -1
  main.forEach((node, _offset, i) => {
    if (index < 0 && node.type.name === 'article' && node.attrs.id === articleId) index = i
  })
  const target = index < 0 ? null : main.child(index)
  if (!target) return { ok: false, reason: 'article-missing' }
  const article = target.type.create(target.attrs, from.content, target.marks)
  const doc = main.copy(main.content.replaceChild(index, article))
  doc.check()
  return { ok: true, doc }
}

/** An article's words as the session compares them: its title on the first line, then its clauses. */
export function comparableText(doc: Node, articleId: string): string | null {
  const article = findArticleNode(doc, articleId)
  if (!article) return null
  const title =
    article.firstChild?.type.name === 'article_title' ? article.firstChild.textContent : ''
  return `${title}\n${articleText(doc, articleId)}`
}

/** "Article 2 — Definitions" as the main text has it now, or null when it is not there. */
export function articleHeading(main: Node, articleId: string): string | null {
  const a = outlineOf(main).find((s) => s.id === articleId)
  if (!a) return null
  return a.title ? `Article ${a.label} — ${a.title}` : `Article ${a.label}`
}

/** "22 May" from "2026-05-22"; "" for no day. */
export function sessionDay(day: string | null): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null
  if (!m) return ''
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''}`.trim()
}

/**
 * Where an applied text came from, as history says it: "from the Friends of the President on
 * Article 2, 22 May" (no day: without it).
 */
export function sessionSource(s: Pick<Session, 'name' | 'day'>): string {
  const name = /^the\s/i.test(s.name) ? s.name : `the ${s.name}`
  const day = sessionDay(s.day)
  return day ? `from ${name}, ${day}` : `from ${name}`
}

/** A `session-text-applied` event's sentence: "applied the wording from the …, 22 May". */
export const appliedSummary = (s: Pick<Session, 'name' | 'day'>): string =>
  `applied the wording ${sessionSource(s)}`

/** A `session-text-left` event's sentence: "left the main text's wording, not the …'s". */
export const leftSummary = (s: Pick<Session, 'name' | 'day'>): string =>
  `kept the main text’s wording, leaving the text ${sessionSource(s)}`

/** The `data` every session event carries (issue 13), for history and the board. */
export interface SessionEventData {
  sessionId: string
  sessionName: string
  kind: Session['kind']
  day: string | null
  facilitatorNames: string[]
  /** The event's sentence, where it has one (applied, left). */
  summary?: string
  /** The article's heading in the main text then (applied, left). */
  article?: string
}

/** The data of a session's event. */
export const sessionEventData = (
  s: Pick<Session, 'id' | 'name' | 'kind' | 'day' | 'facilitatorNames'>,
): SessionEventData => ({
  sessionId: s.id,
  sessionName: s.name,
  kind: s.kind,
  day: s.day,
  facilitatorNames: s.facilitatorNames,
})
