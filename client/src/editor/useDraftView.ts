import { useEffect, useRef, useState } from 'react'
import { EditorView } from 'prosemirror-view'
import { TEXT_FRAGMENT } from '../../../shared/collab'
import type { CollabRoom } from '../collab/useCollabRoom'
import { createDraftEditorState } from './createDraftEditorState'

/** The draft editor: where to mount it and its view once mounted. */
export interface DraftViewHandle {
  setMount: (element: HTMLElement | null) => void
  view: EditorView | null
}

/**
 * Mounts a second ProseMirror view on a draft room's wording once it has synced, so that the
 * sponsors and co-sponsors draft together live; read-only for everyone once tabled.
 */
export function useDraftView(
  room: CollabRoom | null,
  editable: boolean,
  leaveEditor: () => void,
): DraftViewHandle {
  const [mount, setMount] = useState<HTMLElement | null>(null)
  const [view, setView] = useState<EditorView | null>(null)
  const leaveRef = useRef(leaveEditor)
  useEffect(() => {
    leaveRef.current = leaveEditor
  })
  const ydoc = room?.ydoc
  const awareness = room?.provider.awareness
  const synced = room?.synced ?? false

  useEffect(() => {
    if (!mount || !ydoc || !awareness || !synced) return
    const draftView = new EditorView(mount, {
      state: createDraftEditorState({
        fragment: ydoc.getXmlFragment(TEXT_FRAGMENT),
        awareness,
        editable,
        leaveEditor: () => leaveRef.current(),
      }),
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Proposed wording',
        class: 'draft-editor',
        lang: 'en',
        // A reader's draft takes a caret too (readerPlugin refuses input), with no phone keyboard.
        ...(editable ? {} : { 'aria-readonly': 'true', inputmode: 'none' }),
      },
      // y-prosemirror's cursor plugin dispatches on a timer, which may fire after the panel
      // closed and destroyed the view.
      dispatchTransaction(this: EditorView, tr) {
        if (!this.isDestroyed) this.updateState(this.state.apply(tr))
      },
    })
    setView(draftView)
    return () => {
      draftView.destroy()
      setView(null)
    }
  }, [mount, ydoc, awareness, synced, editable])

  return { setMount, view }
}
