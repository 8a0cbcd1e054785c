import type { Node } from 'prosemirror-model'
import * as Y from 'yjs'

/**
 * A piece of structure the editor needs and a text's shared document lacks. The schema allows
 * every one of these (a merge of valid concurrent edits can produce them); the server puts them
 * back, so that a caret always has a title, a preamble paragraph and each article's title to go to.
 */
export type StructureGap =
  | { kind: 'title' }
  | { kind: 'preamble' }
  | { kind: 'preamble-paragraph' }
  /** `index`: the article's index among the fragment's children. */
  | { kind: 'article-title'; index: number }
  /** An article whose id is empty or an earlier article's (two concurrent moves copy one). */
  | { kind: 'article-id'; index: number }
  /** A draft's wording with no block at all. */
  | { kind: 'wording-clause' }

const named = (t: unknown, name: string): t is Y.XmlElement =>
  t instanceof Y.XmlElement && t.nodeName === name

// Whether an element holds a child with this name. A missing piece is looked for anywhere, not
// only in its place: adding a second title would make a document the schema rejects, and no
// edit puts one out of place (clients never remove these pieces, only the server adds them).
const holds = (parent: Y.XmlFragment, name: string): boolean =>
  parent.toArray().some((c) => named(c, name))

/**
 * What a text room's fragment (treatySchema) lacks: a title, a preamble, a paragraph in an empty
 * preamble, an article's title. Reads the fragment's children and each article's, nothing deeper.
 */
export function structureGaps(fragment: Y.XmlFragment): StructureGap[] {
  const gaps: StructureGap[] = []
  const children = fragment.toArray()
  if (!children.some((c) => named(c, 'title'))) gaps.push({ kind: 'title' })
  const preamble = children.find((c) => named(c, 'preamble'))
  if (!preamble) gaps.push({ kind: 'preamble' })
  else if (preamble.length === 0) gaps.push({ kind: 'preamble-paragraph' })
  const ids = new Set<string>()
  children.forEach((child, index) => {
    if (!named(child, 'article')) return
    if (!holds(child, 'article_title')) gaps.push({ kind: 'article-title', index })
    const id = child.getAttribute('id') ?? ''
    if (id === '' || ids.has(id)) gaps.push({ kind: 'article-id', index })
    ids.add(id)
  })
  return gaps
}

/** What a draft room's fragment (wordingSchema) lacks: a block to type in when it has none. */
export function wordingGaps(fragment: Y.XmlFragment): StructureGap[] {
  return fragment.length === 0 ? [{ kind: 'wording-clause' }] : []
}

/**
 * Adds what `gaps` (found in this fragment just before) lists: empty elements, and fresh ids
 * from `newId` for articles whose id is repeated; never deleting or moving anything. Call inside
 * one Yjs transaction, from the server alone: two writers would each add their own copy, and the
 * merge would keep both.
 */
export function fillStructureGaps(
  fragment: Y.XmlFragment,
  gaps: readonly StructureGap[],
  newId: () => string,
): void {
  // Inner pieces first, while the indices of the fragment's children still hold.
  for (const gap of gaps) {
    if (gap.kind !== 'article-title' && gap.kind !== 'article-id') continue
    const article = fragment.get(gap.index)
    if (!named(article, 'article')) continue
    if (gap.kind === 'article-title') article.insert(0, [new Y.XmlElement('article_title')])
    else article.setAttribute('id', newId())
  }
  const kinds = new Set(gaps.map((g) => g.kind))
  if (kinds.has('preamble-paragraph')) {
    const preamble = fragment.toArray().find((c) => named(c, 'preamble'))
    preamble?.insert(0, [new Y.XmlElement('paragraph')])
  }
  if (kinds.has('preamble')) {
    const preamble = new Y.XmlElement('preamble')
    preamble.insert(0, [new Y.XmlElement('paragraph')])
    const title = fragment.toArray().findIndex((c) => named(c, 'title'))
    fragment.insert(title + 1, [preamble])
  }
  if (kinds.has('title')) fragment.insert(0, [new Y.XmlElement('title')])
  if (kinds.has('wording-clause')) fragment.insert(0, [new Y.XmlElement('paragraph')])
}

// The pieces only the server may add: what a document holds of them, by article id.
function pieces(doc: Node): { title: number; preamble: number; titled: Set<string> } {
  const counts = { title: 0, preamble: 0, titled: new Set<string>() }
  doc.forEach((node) => {
    if (node.type.name === 'title') counts.title += 1
    else if (node.type.name === 'preamble') counts.preamble += 1
    else if (node.type.name === 'article' && node.firstChild?.type.name === 'article_title') {
      counts.titled.add(String(node.attrs.id))
    }
  })
  return counts
}

/**
 * Whether a local edit from `before` to `after` keeps the text's title, its preamble and the
 * title of every article it keeps. The editor refuses edits that would remove one: only the
 * server adds them back, and an article typed into while its title was missing could see its
 * first clause land before the server's title, which the schema rejects.
 */
export function structureKept(before: Node, after: Node): boolean {
  const was = pieces(before)
  const now = pieces(after)
  if (now.title < was.title || now.preamble < was.preamble) return false
  const kept = new Set<string>()
  after.forEach((node) => {
    if (node.type.name === 'article') kept.add(String(node.attrs.id))
  })
  for (const id of was.titled) if (kept.has(id) && !now.titled.has(id)) return false
  return true
}
