import type { Node } from 'prosemirror-model'
import { articleVersion, findArticleNode } from '../../../shared/domain/articleText'
import { cleaningCounts, textblocksOf, tokensOf, tokensText } from '../../../shared/domain/brackets'
import { flatClauses, optionLabelOf, outlineOf } from '../../../shared/domain/numbering'

/** An article as it reads in one version, for history and diffs: its label and bracketed text. */
export interface BracketedVersion {
  number: number
  /** What negotiators call it there ("2bis", "3"). */
  label: string
  title: string
  /** One clause a line after its label, brackets printed, "Option 1:" before each option. */
  text: string
  brackets: number
  options: number
}

/**
 * The article with this id as it reads in `doc`, brackets and option blocks printed as a
 * conference document prints them, so that a diff between rounds shows brackets removed; null
 * if the article is not in `doc`.
 */
export function bracketedVersion(doc: Node, articleId: string): BracketedVersion | null {
  const version = articleVersion(doc, articleId)
  const article = findArticleNode(doc, articleId)
  if (!version || !article) return null
  const label = outlineOf(doc).find((a) => a.id === articleId)?.label ?? String(version.number)
  const texts = new Map<Node, string>()
  const tokens = tokensOf(article)
  textblocksOf(article).forEach((block, i) => texts.set(block, tokensText(tokens[i] ?? [])))
  const labels = new Map(flatClauses(article).map((c) => [c.node, c.label] as const))
  const lines: string[] = []
  const walk = (container: Node) =>
    container.forEach((child) => {
      if (child.type.name === 'options') {
        child.forEach((option, _offset, index) => {
          const head = `${optionLabelOf(option, index)}:`
          lines.push(option.childCount === 0 ? `${head} No text` : head)
          walk(option)
        })
      } else if (child.type.spec.group === 'clause') {
        const label = labels.get(child) ?? ''
        const text = texts.get(child) ?? child.textContent
        lines.push(label ? `${label} ${text}` : text)
      }
    })
  walk(article)
  const counts = cleaningCounts(article)
  return {
    number: version.number,
    label,
    title: version.title,
    text: lines.join('\n'),
    brackets: counts.brackets,
    options: counts.options,
  }
}
