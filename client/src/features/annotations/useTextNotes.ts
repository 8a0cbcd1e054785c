import { useEffect, useMemo } from 'react'
import type { EditorView } from 'prosemirror-view'
import { setTextNotes, type OpenNotes, type TextNote } from '../../editor/plugins/annotationsPlugin'
import type { ShownNote } from './useNotes'

/** The notes as the text highlights them. */
export const textNotes = (notes: readonly ShownNote[]): TextNote[] =>
  notes.map((n) => ({
    id: n.id,
    anchor: n.anchor,
    published: n.source === 'public' || Boolean(n.publishedAt),
    resolved: n.resolved,
  }))

/** Feeds the visible notes, the one open in the panel and what a click on one does to the plugin. */
export function useTextNotes(
  view: EditorView | null,
  notes: readonly ShownNote[],
  activeId: string | null,
  onOpen: OpenNotes,
): void {
  const shown = useMemo(() => textNotes(notes), [notes])
  useEffect(() => {
    if (view && !view.isDestroyed) setTextNotes(view.state, view.dispatch, { notes: shown, onOpen })
  }, [view, shown, onOpen])
  useEffect(() => {
    if (view && !view.isDestroyed) setTextNotes(view.state, view.dispatch, { activeId })
  }, [view, activeId])
}
