import { useCallback, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import { anchorFromRange } from '../../editor/anchors'
import { articleAt } from '../../editor/articles'
import { selectedWords } from '../../editor/selectedWords'
import type { ProposalTarget } from './ProposeDialog'

/** Starting a proposal from the text: the dialog's target, or why it could not start. */
export interface ProposeFlow {
  target: ProposalTarget | null
  problem: string | null
  /** "Propose amendment": anchors the selected words and opens the dialog. */
  propose: () => void
  /** "Propose a new article": after the article holding the cursor. */
  proposeArticle: () => void
  close: () => void
}

/** The steps before the proposal dialog: read the selection, anchor it, name the article. */
export function useProposeFlow(view: EditorView | null, articles: ArticleSummary[]): ProposeFlow {
  const [target, setTarget] = useState<ProposalTarget | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const label = useCallback(
    (articleId: string) => `Art. ${articles.find((a) => a.id === articleId)?.label ?? '?'}`,
    [articles],
  )

  const propose = useCallback(() => {
    if (!view) return
    const words = selectedWords(view)
    if (!words.ok) return setProblem(words.reason)
    const anchor = anchorFromRange(view.state, words.from, words.to)
    if (!anchor) return setProblem('The text is still loading; try again in a moment.')
    setProblem(null)
    setTarget({ articleId: words.articleId, articleLabel: label(words.articleId), anchor })
  }, [view, label])

  const proposeArticle = useCallback(() => {
    if (!view) return
    const id = articleAt(view.state)?.node.attrs.id as string | undefined
    if (!id) return setProblem('Put the cursor in the article the new one should follow.')
    setProblem(null)
    setTarget({ articleId: id, articleLabel: label(id), anchor: null })
  }, [view, label])

  const close = useCallback(() => setTarget(null), [])
  return { target, problem, propose, proposeArticle, close }
}
