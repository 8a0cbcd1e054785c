import type { ArticleSummary } from './numbering'

/** A change of the text's structure between two outlines, about one article by its stable id. */
export interface OutlineChange {
  type: 'article-added' | 'article-deleted' | 'article-moved' | 'article-renamed'
  articleId: string
  data: Record<string, unknown>
}

/** What `outlineChanges` reads of an article: `label` (what negotiators call it) if known. */
export type OutlineEntry = Pick<ArticleSummary, 'id' | 'number' | 'title'> & { label?: string }

// The label beside the ordinal in an event's data, where the outline gave one.
const labelOf = (a: OutlineEntry) => (a.label === undefined ? {} : { label: a.label })

/**
 * What happened to the articles between two outlines, by article id, so that identity survives
 * renumbering: an article inserted before Article 2 is one addition, not a move of all that
 * follow. Moved are the articles outside a longest common order of those in both.
 */
export function outlineChanges(
  before: readonly OutlineEntry[],
  after: readonly OutlineEntry[],
): OutlineChange[] {
  const was = new Map(before.map((a) => [a.id, a]))
  const now = new Map(after.map((a) => [a.id, a]))
  const changes: OutlineChange[] = []
  for (const a of before) {
    if (!now.has(a.id)) {
      changes.push({
        type: 'article-deleted',
        articleId: a.id,
        data: { number: a.number, title: a.title },
      })
    }
  }
  for (const a of after) {
    const old = was.get(a.id)
    if (!old) {
      changes.push({
        type: 'article-added',
        articleId: a.id,
        data: { number: a.number, ...labelOf(a), title: a.title },
      })
    } else if (old.title !== a.title) {
      changes.push({
        type: 'article-renamed',
        articleId: a.id,
        data: { from: old.title, to: a.title, number: a.number },
      })
    }
  }
  const x = before.filter((a) => now.has(a.id)).map((a) => a.id)
  const y = after.filter((a) => was.has(a.id)).map((a) => a.id)
  const kept = new Set(longestCommonOrder(x, y))
  for (const id of y) {
    if (kept.has(id)) continue
    changes.push({
      type: 'article-moved',
      articleId: id,
      data: {
        fromNumber: was.get(id)?.number,
        toNumber: now.get(id)?.number,
        ...(was.get(id)?.label !== undefined && { fromLabel: was.get(id)?.label }),
        ...(now.get(id)?.label !== undefined && { toLabel: now.get(id)?.label }),
      },
    })
  }
  return changes
}

// The longest common subsequence of two id lists (a treaty has tens of articles: O(n·m) is fine).
function longestCommonOrder(x: string[], y: string[]): string[] {
  const table = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      const row = table[i] as number[]
      row[j] =
        x[i] === y[j]
          ? ((table[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((table[i + 1] as number[])[j] as number, row[j + 1] as number)
    }
  }
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      out.push(x[i] as string)
      i++
      j++
    } else if (
      ((table[i + 1] as number[])[j] as number) >= ((table[i] as number[])[j + 1] as number)
    )
      i++
    else j++
  }
  return out
}
