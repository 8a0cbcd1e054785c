import { useCallback, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import { makeAnchor } from '../../../../shared/domain/annotations/anchors'
import { bindingOf } from '../../editor/anchors'
import { selectedWords } from '../../editor/selectedWords'
import type { NoteTarget } from './AnnotationDialog'

/** Starting an annotation from the text: the composer's target, or why it could not start. */
export interface AnnotateFlow {
  target: NoteTarget | null
  problem: string | null
  /** "Annotate": anchors the selected words and opens the composer. */
  annotate: () => void
  close: () => void
}

/** The steps before the composer: read the selection, anchor it, name its article. */
export function useAnnotateFlow(view: EditorView | null, articles: ArticleSummary[]): AnnotateFlow {
  const [target, setTarget] = useState<NoteTarget | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const annotate = useCallback(() => {
    if (!view) return
    const words = selectedWords(view)
    if (!words.ok) return setProblem(words.reason.replace('amend', 'annotate'))
    const binding = bindingOf(view.state)
    if (!binding) return setProblem('The text is still loading; try again in a moment.')
    const anchor = makeAnchor(binding, view.state.doc, words.from, words.to)
    const number = articles.find((a) => a.id === words.articleId)?.label ?? '?'
    setProblem(null)
    setTarget({ articleId: words.articleId, articleLabel: `Art. ${number}`, anchor })
  }, [view, articles])
  const close = useCallback(() => setTarget(null), [])
  return { target, problem, annotate, close }
}
