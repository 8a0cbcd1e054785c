import { useMemo, useRef } from 'react'
import type { Round } from '../../../../shared/domain/rounds'
import { outlineOf } from '../../../../shared/domain/numbering'
import type { CollabRoom } from '../../collab/useCollabRoom'
import { articleAt } from '../../editor/articles'
import { deleteArticleWithId } from '../../editor/commands/articleCommands'
import { EDITOR_ACTIONS } from '../../editor/actions'
import { clearDeleteRequest, pendingDelete } from '../../editor/plugins/deleteRequestPlugin'
import { useEditorView } from '../../editor/useEditorView'
import { Outline } from '../outline/Outline'
import type { LocalUser } from '../presence/localUser'
import { PresenceList } from '../presence/PresenceList'
import type { Peer } from '../presence/usePeers'
import { RoundList } from '../rounds/RoundList'
import { DeleteArticleDialog } from '../toolbar/DeleteArticleDialog'
import { Toolbar } from '../toolbar/Toolbar'

interface TextWorkspaceProps {
  room: CollabRoom | null
  peers: Peer[]
  user: LocalUser
  onUserChange: (user: LocalUser) => void
  rounds: Round[]
  /** Whether this person may edit the text (the policy's `edit-text`). */
  canEdit: boolean
  /** Said above a read-only text: who you are and why you cannot edit. */
  readOnlyNote: string
}

/**
 * The discussion text: outline, the structure toolbar and the editor for those who may edit
 * (a read-only text with a notice for everyone else), who is here, and the rounds.
 */
export function TextWorkspace(props: TextWorkspaceProps) {
  const { room, peers, user, onUserChange, rounds, canEdit, readOnlyNote } = props
  const toolbarRef = useRef<HTMLDivElement>(null)
  const { view, state, setMount } = useEditorView(
    room,
    {
      leaveEditor: () => toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(),
    },
    canEdit,
  )
  const doc = state?.doc
  const articles = useMemo(() => (doc ? outlineOf(doc) : []), [doc])
  const currentId = state ? ((articleAt(state)?.node.attrs.id as string | undefined) ?? null) : null
  const deleteId = state && canEdit ? pendingDelete(state) : null
  const deleteTarget = articles.find((a) => a.id === deleteId) ?? null

  return (
    <div className="workspace">
      <aside className="sidebar sidebar-left">
        <Outline articles={articles} currentId={currentId} peers={peers} view={view} />
      </aside>
      <main className="document">
        {canEdit ? (
          <Toolbar ref={toolbarRef} actions={EDITOR_ACTIONS} state={state} view={view} />
        ) : (
          <p className="read-only-note" data-testid="read-only">
            {readOnlyNote}
          </p>
        )}
        <div className="page" id="treaty-text">
          {!state && (
            <p className="loading" role="status">
              Loading the text…
            </p>
          )}
          <div ref={setMount} className="editor" />
        </div>
      </main>
      <aside className="sidebar sidebar-right">
        <PresenceList peers={peers} articles={articles} user={user} onUserChange={onUserChange} />
        <RoundList rounds={rounds} />
      </aside>
      {canEdit && (
        <DeleteArticleDialog
          article={deleteTarget}
          onCancel={() => {
            if (!view) return
            clearDeleteRequest(view.state, view.dispatch)
            view.focus()
          }}
          onConfirm={(id) => {
            if (!view) return
            clearDeleteRequest(view.state, view.dispatch)
            deleteArticleWithId(id)(view.state, view.dispatch)
            view.focus()
          }}
        />
      )}
    </div>
  )
}
