import type { Annotation } from './types'

/** What the side panel narrows annotations to; every field left out lets everything through. */
export interface AnnotationFilter {
  tag?: string
  authorAccountId?: string
  resolved?: boolean
  articleId?: string
}

/** The annotations that match every field of the filter, in their order. */
export function filterAnnotations<T extends Annotation>(
  list: readonly T[],
  f: AnnotationFilter,
): T[] {
  return list.filter(
    (a) =>
      (f.tag === undefined || a.tags.includes(f.tag)) &&
      (f.authorAccountId === undefined || a.authorAccountId === f.authorAccountId) &&
      (f.resolved === undefined || a.resolved === f.resolved) &&
      (f.articleId === undefined || a.articleId === f.articleId),
  )
}

/** How many annotations an article has, and how many of them are still open. */
export interface ArticleCount {
  total: number
  open: number
}

/** Counts per article id (the outline's badges); articles without annotations are absent. */
export function countsByArticle(list: readonly Annotation[]): Record<string, ArticleCount> {
  const counts: Record<string, ArticleCount> = {}
  for (const a of list) {
    const c = (counts[a.articleId] ??= { total: 0, open: 0 })
    c.total += 1
    if (!a.resolved) c.open += 1
  }
  return counts
}

/** Every tag in use, the standard ones first in their order, then the group's own by name. */
export function tagsInUse(list: readonly Annotation[], standard: readonly string[]): string[] {
  const used = new Set(list.flatMap((a) => a.tags))
  const own = [...used].filter((t) => !standard.includes(t)).sort((a, b) => a.localeCompare(b))
  return [...standard.filter((t) => used.has(t)), ...own]
}

/** The authors of the annotations, once each, by name: for the author filter. */
export function authorsOf(list: readonly Annotation[]): { accountId: string; name: string }[] {
  const byId = new Map(list.map((a) => [a.authorAccountId, a.authorName]))
  return [...byId]
    .map(([accountId, name]) => ({ accountId, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
