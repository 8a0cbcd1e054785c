import { useEffect, useMemo } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { Proposal } from '../../../../shared/domain/proposals'
import { setTextProposals, type TextMode } from '../../editor/plugins/proposalsPlugin'
import { textProposals } from './selectors'

/** Feeds the register's proposals and the chosen view of the text to the editor's plugin. */
export function useTextProposals(
  view: EditorView | null,
  proposals: readonly Proposal[],
  mode: TextMode,
): void {
  const shown = useMemo(() => textProposals(proposals), [proposals])
  useEffect(() => {
    if (view && !view.isDestroyed)
      setTextProposals(view.state, view.dispatch, { proposals: shown, mode })
  }, [view, shown, mode])
}
