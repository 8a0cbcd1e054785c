import type { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { useCallback } from 'react'
import { localCopyText, type OfflineChange } from '../../../../shared/domain/offlineChanges'
import type { CollabRoom } from '../../collab/useCollabRoom'
import { applyOfflineChangeTr } from '../../editor/commands/offlineChangeCommands'
import { useEditorSelector, type EditorStateStore } from '../../editor/editorStateStore'
import { ChangeSetReview, goToChangeSet } from '../../offline/ChangeSetReview'
import { downloadFile } from '../../offline/download'
import { reviewWords } from '../../offline/syncWords'

interface OfflineReviewProps {
  room: CollabRoom | null
  view: EditorView | null
  store: EditorStateStore
  /** The person may edit the main text now (the server decides again on every edit). */
  canEdit: boolean
  negotiationId: string
}

/**
 * The chair's edits made offline to the main text, above it until each is applied or dropped
 * (issue 14): applying one is an ordinary edit of the live text by the chair, made in the editor
 * so that it syncs, shows to everyone and is undone like any other.
 */
export function OfflineReview({ room, view, store, canEdit, negotiationId }: OfflineReviewProps) {
  const changes = room?.changeSet ?? []
  // The text now, compared with each change: read (and re-rendered) only while changes wait.
  const waiting = changes.length > 0
  const current = useEditorSelector(
    store,
    useCallback((state: EditorState | null) => (waiting ? (state?.doc ?? null) : null), [waiting]),
  )
  if (!room || changes.length === 0) return null
  const apply = (change: OfflineChange) => {
    if (!view) return
    const tr = applyOfflineChangeTr(view.state, change)
    if (!tr) return
    view.dispatch(tr.scrollIntoView())
    room.resolveChange(change.id)
  }
  return (
    <ChangeSetReview
      changes={changes}
      current={current}
      canApply={canEdit && view !== null}
      onApply={apply}
      onDrop={(change) => room.resolveChange(change.id)}
      onExport={() =>
        downloadFile(
          `${negotiationId}-offline-changes.txt`,
          localCopyText(changes),
          'text/plain;charset=utf-8',
        )
      }
    />
  )
}

/**
 * The change set's notice in the text's sticky head, seen wherever the chair is reading when the
 * connection comes back: how many parts wait, and a button to the review above the text.
 */
export function OfflineReviewNotice({ room }: { room: CollabRoom | null }) {
  const count = room?.changeSet.length ?? 0
  if (count === 0) return null
  return (
    <p className="change-set-notice" role="status">
      Changes made offline: {reviewWords(count)}.{' '}
      <button type="button" className="button" onClick={goToChangeSet}>
        Review them
      </button>
    </p>
  )
}
