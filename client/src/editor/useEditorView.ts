import { useEffect, useRef, useState } from 'react'
import { TextSelection } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { TEXT_FRAGMENT } from '../../../shared/collab'
import type { CollabRoom } from '../collab/useCollabRoom'
import { createEditorState } from './createEditorState'
import { EditorStateStore } from './editorStateStore'

/** Callbacks from the editor to the page around it. */
export interface EditorCallbacks {
  /** Escape pressed in the text: move focus to the toolbar. */
  leaveEditor: () => void
}

/** The live editor: where to mount it, its view, and its state after every transaction. */
export interface EditorHandle {
  /** Callback for the `ref` of the element the editor mounts into. */
  setMount: (element: HTMLElement | null) => void
  view: EditorView | null
  /** The state, for components to read what they show (`useEditorSelector`). */
  store: EditorStateStore
}

// Where the caret was when a view was taken down, for the next view on the same element.
interface KeptCaret {
  mount: HTMLElement
  anchor: number
  head: number
  focused: boolean
}

/**
 * Mounts a ProseMirror view on the room's text once the first sync is done (so that an empty
 * local document never meets the server's), and puts every new state in `store`: only what
 * reads it there re-renders, not the component that holds the view (issue 15). A view
 * that is not `editable` still takes a caret and a selection (caret browsing) but no input.
 * A view rebuilt on another document (the chair's text forks going offline and rejoins the
 * server's after review, client/src/offline/OfflineRoom.ts) keeps the caret and the focus.
 */
export function useEditorView(
  room: CollabRoom | null,
  callbacks: EditorCallbacks,
  editable: boolean,
): EditorHandle {
  const [mount, setMount] = useState<HTMLElement | null>(null)
  const [view, setView] = useState<EditorView | null>(null)
  const [store] = useState(() => new EditorStateStore())
  const callbacksRef = useRef(callbacks)
  const kept = useRef<KeptCaret | null>(null)
  useEffect(() => {
    callbacksRef.current = callbacks
  })

  const ydoc = room?.ydoc
  const awareness = room?.provider.awareness
  const synced = room?.synced ?? false
  const currentDoc = room?.currentDoc
  useEffect(() => {
    if (!mount || !ydoc || !awareness || !synced) return
    const editorView: EditorView = new EditorView(mount, {
      state: createEditorState({
        fragment: ydoc.getXmlFragment(TEXT_FRAGMENT),
        awareness,
        leaveEditor: () => callbacksRef.current.leaveEditor(),
        editable,
      }),
      // Room for the sticky toolbar above, so the cursor is never scrolled under it.
      scrollMargin: { top: 110, bottom: 60, left: 5, right: 5 },
      scrollThreshold: { top: 110, bottom: 60, left: 0, right: 0 },
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Treaty text',
        spellcheck: editable ? 'true' : 'false',
        lang: 'en',
        // Still contenteditable when read-only, for a keyboard caret; readerPlugin refuses input,
        // and a phone shows no on-screen keyboard for it.
        ...(editable ? {} : { 'aria-readonly': 'true', inputmode: 'none' }),
      },
      // `this`, not `editorView`: plugins (y-prosemirror's sync) dispatch while the view is
      // still being constructed.
      dispatchTransaction(this: EditorView, tr) {
        // y-prosemirror's cursor plugin dispatches on a timer, perhaps after the view is gone.
        if (this.isDestroyed) return
        // The room has moved the editor to another document (the chair's text went offline) and
        // this view is about to go: an edit of it would reach the server's copy unreviewed.
        if (tr.docChanged && currentDoc && currentDoc() !== ydoc) return
        const next = this.state.apply(tr)
        this.updateState(next)
        store.set(next)
      },
    })
    const caret = kept.current
    kept.current = null
    if (caret?.mount === mount) restoreCaret(editorView, caret)
    setView(editorView)
    store.set(editorView.state)
    return () => {
      const { anchor, head } = editorView.state.selection
      kept.current = { mount, anchor, head, focused: editorView.hasFocus() }
      editorView.destroy()
      setView(null)
      store.set(null)
    }
  }, [mount, ydoc, awareness, synced, editable, store, currentDoc])

  return { setMount, view, store }
}

// The same places in the new view's text (the fork's text is the same; after review it may be
// shorter), without writing to the document; the focus back if the old view had it.
function restoreCaret(view: EditorView, { anchor, head, focused }: KeptCaret): void {
  const { doc } = view.state
  const within = (pos: number) => doc.resolve(Math.min(Math.max(pos, 0), doc.content.size))
  view.dispatch(view.state.tr.setSelection(TextSelection.between(within(anchor), within(head))))
  if (focused) view.focus()
}
