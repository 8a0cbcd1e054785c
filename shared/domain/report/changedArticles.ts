import type { Node } from 'prosemirror-model'
import { articleText } from '../articleText'
import { outlineOf } from '../numbering'

/** An article whose title or wording differs between two versions of a text, with both sides. */
export interface ChangedArticle {
  articleId: string
  change: 'changed' | 'added' | 'deleted'
  titleBefore: string
  titleNow: string
  textBefore: string
  textNow: string
}

/**
 * The articles whose title or clauses differ between `before` and `now`, by stable id, in the
 * order of `now` and then those since deleted. Comparing strings is linear in the texts; the
 * word diffs of the changed ones are the caller's (bounded) work.
 */
export function changedArticles(before: Node, now: Node): ChangedArticle[] {
  const then = new Map(outlineOf(before).map((a) => [a.id, a]))
  const out: ChangedArticle[] = []
  for (const a of outlineOf(now)) {
    const old = then.get(a.id)
    const textNow = articleText(now, a.id)
    const textBefore = old ? articleText(before, a.id) : ''
    then.delete(a.id)
    if (old && old.title === a.title && textBefore === textNow) continue
    out.push({
      articleId: a.id,
      change: old ? 'changed' : 'added',
      titleBefore: old?.title ?? '',
      titleNow: a.title,
      textBefore,
      textNow,
    })
  }
  for (const old of then.values()) {
    out.push({
      articleId: old.id,
      change: 'deleted',
      titleBefore: old.title,
      titleNow: '',
      textBefore: articleText(before, old.id),
      textNow: '',
    })
  }
  return out
}
