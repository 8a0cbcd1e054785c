/** A tabled proposal's anchored range, as resolved in the text (absolute positions). */
export interface RangedItem {
  id: string
  tabledSeq: number
  from: number
  to: number
  /** When given, items of different articles never overlap. */
  articleId?: string | null
}

/** One place in the text: a lone proposal (label null) or alternatives labelled "Alt 1", "Alt 2"... */
export interface AlternativeGroup<T extends RangedItem = RangedItem> {
  /** The union of the members' ranges. */
  from: number
  to: number
  /** In tabled order. */
  members: { item: T; label: string | null }[]
}

/**
 * Whether two anchored ranges compete: non-empty ranges that share a character; two insertion
 * points at the same place; an insertion point strictly inside a range. Ranges that only touch
 * ("shall" next to "not") are separate proposals.
 */
export function rangesOverlap(a: RangedItem, b: RangedItem): boolean {
  if (a.articleId && b.articleId && a.articleId !== b.articleId) return false
  const aEmpty = a.from === a.to
  const bEmpty = b.from === b.to
  if (aEmpty && bEmpty) return a.from === b.from
  if (aEmpty) return b.from < a.from && a.from < b.to
  if (bEmpty) return a.from < b.from && b.from < a.to
  return a.from < b.to && b.from < a.to
}

const byTabled = (a: RangedItem, b: RangedItem) =>
  a.tabledSeq - b.tabledSeq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Groups proposals whose ranges overlap (transitively) into alternatives, in tabled order. */
export function groupAlternatives<T extends RangedItem>(
  items: readonly T[],
): AlternativeGroup<T>[] {
  for (const it of items) {
    if (it.from > it.to)
      throw new RangeError(`Proposal ${it.id} has a range that ends before it starts`)
  }
  // Union-find over pairs: the lists are one article's or one text's proposals (tens to
  // hundreds), so the quadratic pass is cheaper than being clever.
  const parent = items.map((_, i) => i)
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (rangesOverlap(items[i] as T, items[j] as T)) parent[root(i)] = root(j)
    }
  }
  const sets = new Map<number, T[]>()
  items.forEach((it, i) => {
    const r = root(i)
    sets.set(r, [...(sets.get(r) ?? []), it])
  })
  const groups = [...sets.values()].map((members): AlternativeGroup<T> => {
    members.sort(byTabled)
    const lone = members.length === 1
    return {
      from: Math.min(...members.map((m) => m.from)),
      to: Math.max(...members.map((m) => m.to)),
      members: members.map((item, i) => ({ item, label: lone ? null : `Alt ${i + 1}` })),
    }
  })
  return groups.sort(
    (a, b) =>
      a.from - b.from || a.to - b.to || byTabled(a.members[0]?.item as T, b.members[0]?.item as T),
  )
}
