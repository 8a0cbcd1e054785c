import { Fragment, Slice, type Node, type ResolvedPos } from 'prosemirror-model'
import { treatySchema } from '../../schema'
import type { Proposal } from './types'

/** A range of absolute positions in the text document. */
export interface DocRange {
  from: number
  to: number
}

/** Extra inputs: the id a new article gets (the caller owns ids). */
export interface IncorporateOptions {
  newArticleId?: string
}

/** The text with the proposal's wording in it, or why it cannot go in. */
export type IncorporateResult = { ok: true; doc: Node } | { ok: false; reason: string }

/** The parts of a proposal incorporation looks at. */
export type IncorporateFacts = Pick<Proposal, 'params' | 'articleId'>

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason })

/** Where an article is: its node and the position before it, or null. */
export function findArticle(doc: Node, articleId: string): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null
  doc.forEach((node, offset) => {
    if (!found && node.type.name === 'article' && node.attrs.id === articleId) {
      found = { node, pos: offset }
    }
  })
  return found
}

// A usable end of a range: inside a clause of the article (not its title), or between two
// blocks of its body, after the title (where whole clauses can be inserted).
function inBody($pos: ResolvedPos, articlePos: number): boolean {
  if ($pos.depth < 1 || $pos.before(1) !== articlePos) return false
  // Between blocks: after the title, if the article has one (a merge can leave it out).
  if ($pos.depth === 1)
    return $pos.index(1) >= ($pos.parent.firstChild?.type.name === 'article_title' ? 1 : 0)
  return $pos.depth === 2 && $pos.parent.type.spec.group === 'clause'
}

/** Why [from, to) is not a range inside the body of the article with this id, or null if it is. */
export function rangeRefusal(
  doc: Node,
  articleId: string,
  from: number,
  to: number,
): string | null {
  const article = findArticle(doc, articleId)
  if (!article) return `Article ${articleId} is not in the text.`
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    return 'The anchored range is not a range.'
  }
  if (from < 0 || to > doc.content.size) return 'The anchored range lies outside the text.'
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  const end = article.pos + article.node.nodeSize
  const fromIn = from > article.pos && from < end
  const toIn = to > article.pos && to < end
  if (fromIn !== toIn) return 'The anchored range must lie inside one article.'
  if (!fromIn) return `The anchored words are not in article ${articleId}.`
  if (!inBody($from, article.pos) || !inBody($to, article.pos)) {
    return "The anchored range must lie in the article's clauses, not its title."
  }
  return null
}

/** Whether [from, to) lies inside the body (the clauses) of the article with this id. */
export function rangeWithin(doc: Node, articleId: string, from: number, to: number): boolean {
  return rangeRefusal(doc, articleId, from, to) === null
}

// Wording is drafted in wordingSchema; its node types mirror the treaty's, so JSON moves it.
function toTreaty(node: Node): Node {
  return node.type.schema === treatySchema ? node : treatySchema.nodeFromJSON(node.toJSON())
}

function splitWording(wording: Node): { title: Node | null; clauses: Node[] } {
  if (wording.type.name !== 'doc') throw new RangeError('The wording must be a wording document')
  const nodes: Node[] = []
  wording.forEach((n) => nodes.push(toTreaty(n)))
  const title = nodes[0]?.type.name === 'article_title' ? (nodes.shift() ?? null) : null
  return { title, clauses: nodes }
}

/**
 * Replaces [from, to) with clauses. Inside one clause, one clause of wording (or none) goes in
 * inline and the surrounding words stay. Otherwise the clauses at the ends are split: the words
 * before and after the range stay as clauses of their own type, the wording goes between them
 * as whole clauses, and a clause left empty disappears.
 */
function replaceWithClauses(doc: Node, from: number, to: number, clauses: Node[]): Node {
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  const oneBlock = $from.depth === 2 && $from.sameParent($to)
  const wholeBlock =
    oneBlock && $from.parentOffset === 0 && $to.parentOffset === $to.parent.content.size
  const first = clauses[0]
  if (oneBlock && clauses.length === 1 && first) {
    return doc.replace(from, to, new Slice(first.content, 0, 0))
  }
  if (oneBlock && clauses.length === 0 && !wholeBlock) return doc.replace(from, to, Slice.empty)
  const start = $from.depth === 2 ? $from.before(2) : from
  const end = $to.depth === 2 ? $to.after(2) : to
  const before =
    $from.depth === 2 && $from.parentOffset > 0 ? $from.parent.cut(0, $from.parentOffset) : null
  const after =
    $to.depth === 2 && $to.parentOffset < $to.parent.content.size
      ? $to.parent.cut($to.parentOffset)
      : null
  const nodes = [before, ...clauses, after].filter((n): n is Node => n !== null)
  return doc.replace(start, end, new Slice(Fragment.from(nodes), 0, 0))
}

function insertArticle(
  doc: Node,
  afterId: string | null,
  wording: Node | null,
  newArticleId: string | undefined,
): IncorporateResult {
  if (!newArticleId) throw new RangeError('A new article needs an id from the caller')
  if (findArticle(doc, newArticleId)) throw new RangeError(`Article id ${newArticleId} is taken`)
  if (!wording) return refuse('The proposal has no wording to incorporate.')
  const { title, clauses } = splitWording(wording)
  if (!title || title.textContent.trim() === '') return refuse('A new article needs a title.')
  let at = doc.content.size
  if (afterId !== null) {
    const after = findArticle(doc, afterId)
    if (!after) return refuse(`Article ${afterId} is not in the text.`)
    at = after.pos + after.node.nodeSize
  }
  const article = treatySchema.node('article', { id: newArticleId }, [title, ...clauses])
  return { ok: true, doc: doc.replace(at, at, new Slice(Fragment.from(article), 0, 0)) }
}

/**
 * Puts a proposal's wording (a wordingSchema document) into the text (a treatySchema document).
 * A deletion removes the range; an addition inserts its wording at the end of the range (an
 * empty range: at the point); a new article goes after `articleId` (or at the end) with
 * `options.newArticleId`; every other kind replaces the range with the wording.
 */
export function incorporate(
  doc: Node,
  proposal: IncorporateFacts,
  range: DocRange | null,
  wording: Node | null,
  options: IncorporateOptions = {},
): IncorporateResult {
  const kind = proposal.params.kind
  let result: IncorporateResult
  if (kind === 'new-article') {
    result = insertArticle(doc, proposal.articleId, wording, options.newArticleId)
  } else {
    if (proposal.articleId === null) return refuse('The proposal names no article.')
    if (range === null) return refuse('The words this proposal amends are no longer in the text.')
    const bad = rangeRefusal(doc, proposal.articleId, range.from, range.to)
    if (bad !== null) return refuse(bad)
    let clauses: Node[] = []
    if (kind === 'deletion') {
      if (range.from === range.to) return refuse('A deletion needs the words it deletes.')
    } else {
      if (!wording) return refuse('The proposal has no wording to incorporate.')
      const split = splitWording(wording)
      if (split.title) return refuse('Only a new article has a title in its wording.')
      clauses = split.clauses
    }
    const from = kind === 'addition' ? range.to : range.from
    result = { ok: true, doc: replaceWithClauses(doc, from, range.to, clauses) }
  }
  if (result.ok) result.doc.check()
  return result
}
