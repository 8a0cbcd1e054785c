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
  from: number
  to: number
  members: { item: T; label: string | null }[]
}

/** Groups proposals whose ranges overlap (transitively) into alternatives, in tabled order. */
export function groupAlternatives<T extends RangedItem>(
  items: readonly T[],
): AlternativeGroup<T>[] {
  void items
  throw new Error('not implemented')
}
