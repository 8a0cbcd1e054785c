import { useCallback, useEffect, useMemo, useRef } from 'react'
import { roomName } from '../../../../shared/collab'
import { outlineOf } from '../../../../shared/domain/numbering'
import type { Session } from '../../../../shared/domain/sessions'
import { useCollabRoom } from '../../collab/useCollabRoom'
import { EDITOR_ACTIONS } from '../../editor/actions'
import { articleAt } from '../../editor/articles'
import { pendingDelete } from '../../editor/plugins/deleteRequestPlugin'
import { useEditorState } from '../../editor/editorStateStore'
import { useEditorView } from '../../editor/useEditorView'
import { goToArticle } from '../outline/goToArticle'
import { ConnectionBadge, RefusedBanner } from '../presence/ConnectionBadge'
import type { LocalUser } from '../presence/localUser'
import { PresenceList } from '../presence/PresenceList'
import { usePeers, useRoomSummary } from '../presence/usePeers'
import { EditorDeleteArticleDialog } from '../toolbar/DeleteArticleDialog'
import { Toolbar } from '../toolbar/Toolbar'
import type { MainArticle } from './sessionsApi'
import { reloadSessions } from './useSessions'
import '../outline/outline.css'
import '../text/workspace.css'

interface SessionTextProps {
  session: Session
  /** Whether this person holds the pen (a facilitator while it is in session). */
  editable: boolean
  user: LocalUser
  onUserChange: (user: LocalUser) => void
  /** The main text's articles, to call the session's articles by their numbers there. */
  mainArticles: readonly MainArticle[] | null
  /** Said above the text to those who only read it. */
  readOnlyNote: string
}

/**
 * A session's working text, live from its room `<negotiation>/session/<id>`: its facilitators
 * write with the chair's structure, bracket and option commands, everyone else reads with a
 * caret; the session's articles to jump to, and who is here.
 */
export function SessionText(props: SessionTextProps) {
  const { session, editable, user, onUserChange, mainArticles, readOnlyNote } = props
  const negotiationId = session.negotiationId
  // The server cuts the pen when the session reports back (or a member's rights change): ask
  // for the session again, whose status then reopens the text for reading.
  const reread = useCallback(() => reloadSessions(negotiationId), [negotiationId])
  const room = useCollabRoom(roomName({ negotiationId, kind: 'session', key: session.id }), {
    onMembershipChanged: reread,
    onRefused: reread,
    label: `Session: ${session.name}`,
  })
  const awareness = room?.provider.awareness
  useEffect(() => {
    awareness?.setLocalStateField('user', user)
  }, [awareness, user])
  const peers = usePeers(awareness)
  const summary = useRoomSummary(awareness)
  const toolbarRef = useRef<HTMLDivElement>(null)
  const { view, store, setMount } = useEditorView(
    room,
    {
      leaveEditor: () => toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(),
    },
    editable,
  )
  const state = useEditorState(store)
  const doc = state?.doc
  const articles = useMemo(() => (doc ? outlineOf(doc) : []), [doc])
  // The main text's numbers ("Art. 2"), not the copy's own order, name the session's articles.
  const named = useMemo(
    () =>
      articles.map((a) => {
        const main = mainArticles?.find((m) => m.id === a.id)
        return { ...a, label: main?.label ?? a.label }
      }),
    [articles, mainArticles],
  )
  const currentId = state ? ((articleAt(state)?.node.attrs.id as string | undefined) ?? null) : null
  const deleteId = state && editable ? pendingDelete(state) : null
  const deleteTarget = named.find((a) => a.id === deleteId) ?? null

  return (
    <div className="session-text">
      <div className="session-text-main">
        <div className="document-head">
          <p className="session-connection">
            <ConnectionBadge status={room?.status ?? 'connecting'} />
          </p>
          {editable ? (
            <Toolbar ref={toolbarRef} actions={EDITOR_ACTIONS} store={store} view={view} />
          ) : (
            <p className="read-only-note" data-testid="read-only">
              {readOnlyNote}
            </p>
          )}
        </div>
        {room?.status === 'refused' && room.refusal !== null && (
          <RefusedBanner code={room.refusal} />
        )}
        <div className="page" id="session-text" data-testid="session-text">
          {!state && room?.status !== 'refused' && (
            <p className="loading" role="status">
              Loading the session’s text…
            </p>
          )}
          <div ref={setMount} className="editor" />
        </div>
      </div>
      <aside className="session-text-side">
        <nav className="outline" aria-labelledby="session-outline-heading">
          <h3 id="session-outline-heading" className="panel-heading">
            Its articles <span className="count">{named.length}</span>
          </h3>
          <ol className="outline-list" data-testid="session-outline">
            {named.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="outline-item"
                  aria-current={a.id === currentId ? 'location' : undefined}
                  data-article-id={a.id}
                  onClick={() => view && goToArticle(view, a.id)}
                >
                  <span className="outline-number">Art. {a.label}</span>
                  <span className="outline-title">{a.title || <em>Untitled</em>}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <PresenceList
          peers={peers}
          articles={named}
          user={user}
          onUserChange={onUserChange}
          summary={summary}
        />
      </aside>
      {editable && <EditorDeleteArticleDialog view={view} article={deleteTarget} />}
    </div>
  )
}
