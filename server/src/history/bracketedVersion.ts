import type { Node } from 'prosemirror-model'
import {
  articleVersion,
  findArticleNode,
  type ArticleVersion,
} from '../../../shared/domain/articleText'
import { cleaningCounts } from '../../../shared/domain/brackets'

/** An article as it reads in one version, for history and diffs, with what cleaning has left. */
export interface BracketedVersion extends Omit<ArticleVersion, 'id'> {
  brackets: number
  options: number
}

/**
 * The article with this id as it reads in `doc`: its label there, its text with brackets and
 * option blocks printed as a conference document prints them (`articleText`), so that a diff
 * between rounds shows brackets removed, and its counts; null if the article is not in `doc`.
 */
export function bracketedVersion(doc: Node, articleId: string): BracketedVersion | null {
  const version = articleVersion(doc, articleId)
  const article = findArticleNode(doc, articleId)
  if (!version || !article) return null
  const { number, label, title, text } = version
  return { number, label, title, text, ...cleaningCounts(article) }
}
