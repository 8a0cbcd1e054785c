import { guardFormula, writeCsv } from '../csv'
import type { ArticleSummary } from '../numbering'
import type { PlacedAnnotation } from './anchors'
import { parseBody, type Token } from './body'
import type { Reply } from './types'

// A group's annotations exported by article, in the order of the text: on its words first (by
// where they start), then the orphans of that article, then those of articles no longer there.

/** One article's annotations in export order; `article` is null for articles since deleted. */
export interface ArticleSection {
  article: ArticleSummary | null
  articleId: string
  annotations: PlacedAnnotation[]
}

const startOf = (a: PlacedAnnotation) =>
  a.placement.state === 'ok' ? a.placement.from : Number.POSITIVE_INFINITY

/** Groups annotations by article in text order; every annotation appears exactly once. */
export function sectionsByArticle(
  annotations: readonly PlacedAnnotation[],
  articles: readonly ArticleSummary[],
): ArticleSection[] {
  const byArticle = new Map<string, PlacedAnnotation[]>()
  for (const a of annotations)
    byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a])
  const order = (list: PlacedAnnotation[]) =>
    [...list].sort(
      (a, b) =>
        startOf(a) - startOf(b) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    )
  const known = new Set(articles.map((a) => a.id))
  const sections: ArticleSection[] = articles
    .filter((article) => byArticle.has(article.id))
    .map((article) => ({
      article,
      articleId: article.id,
      annotations: order(byArticle.get(article.id) ?? []),
    }))
  const gone = [...byArticle.keys()].filter((id) => !known.has(id)).sort()
  for (const articleId of gone) {
    sections.push({ article: null, articleId, annotations: order(byArticle.get(articleId) ?? []) })
  }
  return sections
}

/** The CSV columns of an export, in order. */
export const EXPORT_COLUMNS = [
  'article',
  'article title',
  'article id',
  'state',
  'words',
  'quoted words',
  'body',
  'tags',
  'author',
  'created',
  'updated',
  'resolved',
  'resolved by',
  'published',
  'replies',
  'id',
] as const

const replyLine = (r: Reply) =>
  `${r.authorName} (${r.createdAt}): ${r.deleted ? '[reply deleted]' : r.body}`

/** The annotations as a CSV spreadsheet, one row each, by article in text order. */
export function toCsv(
  annotations: readonly PlacedAnnotation[],
  articles: readonly ArticleSummary[],
): string {
  const rows: string[][] = [[...EXPORT_COLUMNS]]
  for (const { article, articleId, annotations: list } of sectionsByArticle(
    annotations,
    articles,
  )) {
    for (const a of list) {
      const p = a.placement
      const row = [
        article ? article.label : '',
        article?.title ?? '',
        articleId,
        p.state,
        p.state === 'ok' ? p.text : '',
        a.anchor.quote,
        a.body,
        a.tags.join('; '),
        a.authorName,
        a.createdAt,
        a.updatedAt ?? '',
        a.resolved ? 'yes' : 'no',
        a.resolvedBy ?? '',
        a.publishedAt ?? '',
        a.replies.map(replyLine).join('\n'),
        a.id,
      ]
      rows.push(row.map(guardFormula))
    }
  }
  return writeCsv(rows)
}

/** Escapes text for Markdown so that it reads as the same characters, never as markup or HTML. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>&#|~!]/g, '\\$&')
      // A line that would start a list item, a setext underline or a numbered list stays text.
      .replace(/^([ \t]*)([-+=])/gm, '$1\\$2')
      .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
  )
}

// One line of text for a heading or a list item.
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' / ')

/** A parsed body as Markdown: emphasis, strong and http(s) links kept, everything else as text. */
export function bodyToMarkdown(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      const text = escapeMarkdown(t.text)
      switch (t.type) {
        case 'em':
          return `*${text}*`
        case 'strong':
          return `**${text}**`
        case 'link':
          return `[${text}](${(t.href ?? '').replace(/\(/g, '%28').replace(/\)/g, '%29')})`
        default:
          return text
      }
    })
    .join('')
    .replace(/\n/g, '  \n')
}

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ')

function annotationMarkdown(a: PlacedAnnotation, index: number): string[] {
  const p = a.placement
  const quote = escapeMarkdown(oneLine(a.anchor.quote))
  const heading =
    p.state === 'ok'
      ? `### ${index}. “${escapeMarkdown(oneLine(p.text))}”`
      : `### ${index}. words deleted: ‘${quote}’`
  const lines = [heading, '']
  if (p.state === 'ok' && p.text !== a.anchor.quote) lines.push(`(annotated as ‘${quote}’)`, '')
  lines.push(bodyToMarkdown(parseBody(a.body)), '')
  const edited = a.updatedAt ? `, edited ${day(a.updatedAt)}` : ''
  lines.push(`- By ${escapeMarkdown(a.authorName)}, ${day(a.createdAt)}${edited}`)
  if (a.tags.length > 0) lines.push(`- Tags: ${a.tags.map(escapeMarkdown).join(', ')}`)
  lines.push(
    a.resolved
      ? `- Resolved${a.resolvedBy ? ` by ${escapeMarkdown(a.resolvedBy)}` : ''}`
      : '- Open',
  )
  if (a.publishedAt) {
    const by = a.publishedBy ? ` by ${escapeMarkdown(a.publishedBy)}` : ''
    lines.push(`- Published${by}, ${day(a.publishedAt)}`)
  }
  if (a.proposalId) lines.push(`- Proposal: ${escapeMarkdown(a.proposalId)}`)
  if (a.actorId) lines.push(`- Actor: ${escapeMarkdown(a.actorId)}`)
  if (a.replies.length > 0) {
    lines.push('', 'Replies:', '')
    for (const r of a.replies) {
      const words = r.deleted ? '*reply deleted*' : bodyToMarkdown(parseBody(oneLine(r.body)))
      lines.push(`- **${escapeMarkdown(r.authorName)}** (${day(r.createdAt)}): ${words}`)
    }
  }
  lines.push('')
  return lines
}

/** The annotations as a Markdown document, by article in text order, titled with the group. */
export function toMarkdown(
  annotations: readonly PlacedAnnotation[],
  articles: readonly ArticleSummary[],
  groupName: string,
): string {
  const lines = [`# Annotations of ${escapeMarkdown(oneLine(groupName))}`, '']
  const sections = sectionsByArticle(annotations, articles)
  if (sections.length === 0) lines.push('No annotations yet.', '')
  for (const { article, articleId, annotations: list } of sections) {
    lines.push(
      article
        ? `## Article ${article.label}: ${escapeMarkdown(oneLine(article.title))}`
        : `## An article no longer in the text (${escapeMarkdown(articleId)})`,
      '',
    )
    list.forEach((a, i) => lines.push(...annotationMarkdown(a, i + 1)))
  }
  return lines.join('\n')
}
