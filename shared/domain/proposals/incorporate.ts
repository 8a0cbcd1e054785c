import type { Node } from 'prosemirror-model'
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

/** Whether [from, to) lies inside the body of the article with this id. */
export function rangeWithin(doc: Node, articleId: string, from: number, to: number): boolean {
  void doc
  void articleId
  void from
  void to
  throw new Error('not implemented')
}

/**
 * Puts a proposal's wording (a wordingSchema document) into the text (a treatySchema document):
 * replaces, deletes or inserts at the range, or inserts a new article; never yields an invalid doc.
 */
export function incorporate(
  doc: Node,
  proposal: IncorporateFacts,
  range: DocRange | null,
  wording: Node | null,
  options: IncorporateOptions = {},
): IncorporateResult {
  void doc
  void proposal
  void range
  void wording
  void options
  throw new Error('not implemented')
}
