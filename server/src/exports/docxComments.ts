import type { Node } from 'prosemirror-model'
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx'
import type { PlacedAnnotation } from '../../../shared/domain/annotations/anchors'
import type { ViewToken } from '../../../shared/domain/export'
import { flatClauses } from '../../../shared/domain/numbering'
import { tokenRun } from './docxParts'

/** A comment's range within one clause's text, in characters. */
export interface CommentSpan {
  id: number
  start: number
  end: number
}

/** The comment spans of an article's clauses, handed out in reading order. */
export interface ClauseComments {
  /** The spans of the next clause. */
  next(): CommentSpan[]
}

/** A group's notes as Word comments: the comments, and their spans per article and clause. */
export interface NoteComments {
  comments: ICommentOptions[]
  forArticle(articleId: string): ClauseComments
}

// Where each clause's text starts in the document, per article, in reading order (through
// option blocks, as the export writes them).
function clauseStarts(doc: Node): Map<string, { start: number; size: number }[]> {
  const out = new Map<string, { start: number; size: number }[]>()
  doc.forEach((article, offset) => {
    if (article.type.name !== 'article') return
    const clauses = flatClauses(article).map((c) => ({
      start: offset + 1 + c.pos + 1,
      size: c.node.content.size,
    }))
    out.set(String(article.attrs.id), clauses)
  })
  return out
}

/**
 * The notes of a group as Word comments anchored to the words they note in `doc` (the live text
 * they were placed in): a note spanning clauses is anchored on its words in the first; an
 * orphaned note (its words gone) on its article's first clause, saying so.
 */
export function noteComments(doc: Node, notes: readonly PlacedAnnotation[]): NoteComments {
  const starts = clauseStarts(doc)
  const spans = new Map<string, CommentSpan[][]>()
  const comments: ICommentOptions[] = []
  for (const note of notes) {
    const clauses = starts.get(note.articleId)
    if (!clauses || clauses.length === 0) continue
    const id = comments.length
    let index = 0
    let span = { start: 0, end: clauses[0]?.size ?? 0 }
    let prefix = `Its words are no longer in the text: “${note.anchor.quote}”. `
    if (note.placement.state === 'ok') {
      const { from, to } = note.placement
      const at = clauses.findIndex((c) => from >= c.start && from <= c.start + c.size)
      if (at >= 0) {
        const c = clauses[at] as { start: number; size: number }
        index = at
        span = { start: from - c.start, end: Math.min(to - c.start, c.size) }
        prefix = ''
      }
    }
    const perClause = spans.get(note.articleId) ?? []
    ;(perClause[index] ??= []).push({ id, ...span })
    spans.set(note.articleId, perClause)
    const replies = note.replies.map(
      (r) => new Paragraph({ children: [new TextRun({ text: `${r.authorName}: ${r.body}` })] }),
    )
    comments.push({
      id,
      author: note.authorName,
      initials: note.authorName.slice(0, 2),
      date: new Date(note.createdAt),
      children: [
        new Paragraph({
          children: [new TextRun((note.resolved ? '(Resolved) ' : '') + prefix + note.body)],
        }),
        ...replies,
      ],
    })
  }
  return {
    comments,
    forArticle: (articleId) => {
      const perClause = spans.get(articleId) ?? []
      let i = 0
      return { next: () => perClause[i++] ?? [] }
    },
  }
}

// How many document positions a token takes: text and a placeholder's words their length, a footnote
// one, a bracket none (it is a mark, not a character).
const sizeOf = (t: ViewToken): number =>
  t.kind === 'text' || t.kind === 'placeholder'
    ? (t.kind === 'text' ? t.text : t.label).length
    : t.kind === 'footnote'
      ? 1
      : 0

/**
 * A clause's tokens as Word runs (see `tokenRun`) with comment ranges opened and closed at the
 * spans' offsets (document positions within the clause), and each comment's reference after its
 * range.
 */
export function commentedTokens(
  tokens: readonly ViewToken[],
  given: readonly CommentSpan[],
): ParagraphChild[] {
  // Within the clause's text, so that every range opened is closed.
  const total = tokens.reduce((n, t) => n + sizeOf(t), 0)
  const spans = given.map((s) => {
    const start = Math.min(Math.max(s.start, 0), total)
    return { id: s.id, start, end: Math.min(Math.max(s.end, start), total) }
  })
  const cuts = new Set<number>()
  for (const s of spans) cuts.add(s.start).add(s.end)
  const out: ParagraphChild[] = []
  const marks = (at: number) => {
    for (const s of spans) if (s.start === at) out.push(new CommentRangeStart(s.id))
    for (const s of spans) {
      if (s.end === at) {
        out.push(new CommentRangeEnd(s.id))
        out.push(new TextRun({ children: [new CommentReference(s.id)] }))
      }
    }
  }
  let pos = 0
  marks(0)
  for (const t of tokens) {
    if (t.kind !== 'text') {
      out.push(...tokenRun(t))
      pos += sizeOf(t)
      if (sizeOf(t) > 0) marks(pos)
      continue
    }
    let from = 0
    const points = [...cuts].filter((c) => c > pos && c < pos + t.text.length).sort((a, b) => a - b)
    for (const point of [...points, pos + t.text.length]) {
      const text = t.text.slice(from, point - pos)
      if (text) out.push(new TextRun({ text, italics: t.em, bold: t.strong }))
      from = point - pos
      if (point < pos + t.text.length) marks(point)
    }
    pos += t.text.length
    if (pos > 0) marks(pos)
  }
  return out
}
