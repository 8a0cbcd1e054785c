import { useEffect, useMemo, useRef, useState } from 'react'
import type { Round } from '../../shared/domain/rounds'
import { outlineOf } from '../../shared/domain/numbering'
import { getNegotiation } from './api'
import { useCollabRoom } from './collab/useCollabRoom'
import { articleAt } from './editor/articles'
import { deleteArticleWithId } from './editor/commands/articleCommands'
import { EDITOR_ACTIONS } from './editor/actions'
import { clearDeleteRequest, pendingDelete } from './editor/plugins/deleteRequestPlugin'
import { useEditorView } from './editor/useEditorView'
import { Outline } from './features/outline/Outline'
import { ConnectionBadge, OutdatedBanner } from './features/presence/ConnectionBadge'
import { useLocalUser } from './features/presence/localUser'
import { RoundList } from './features/rounds/RoundList'
import { PresenceList } from './features/presence/PresenceList'
import { usePeers } from './features/presence/usePeers'
import { DeleteArticleDialog } from './features/toolbar/DeleteArticleDialog'
import { Toolbar } from './features/toolbar/Toolbar'
import type { Route } from './useRoute'

interface NegotiationPageProps {
  negotiationId: string
  navigate: (route: Route) => void
}

/** One negotiation's discussion text: outline, toolbar and editor, and who is here. */
export function NegotiationPage({ negotiationId, navigate }: NegotiationPageProps) {
  const [name, setName] = useState<string | null>(null)
  const [rounds, setRounds] = useState<Round[]>([])
  const [missing, setMissing] = useState<string | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    getNegotiation(negotiationId, abort.signal).then(
      (n) => {
        setName(n.name)
        setRounds(n.rounds)
      },
      (error: unknown) => !abort.signal.aborted && setMissing(String((error as Error).message)),
    )
    return () => abort.abort()
  }, [negotiationId])

  const room = useCollabRoom(negotiationId)
  const awareness = room?.provider.awareness
  const [user, setUser] = useLocalUser()
  useEffect(() => {
    awareness?.setLocalStateField('user', user)
  }, [awareness, user])

  const toolbarRef = useRef<HTMLDivElement>(null)
  const { view, state, setMount } = useEditorView(room, {
    leaveEditor: () => toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(),
  })
  const doc = state?.doc
  const articles = useMemo(() => (doc ? outlineOf(doc) : []), [doc])
  const currentId = state ? ((articleAt(state)?.node.attrs.id as string | undefined) ?? null) : null
  const peers = usePeers(awareness)
  const deleteId = state ? pendingDelete(state) : null
  const deleteTarget = articles.find((a) => a.id === deleteId) ?? null

  useEffect(() => {
    document.title = name ? `${name} · Plenary` : 'Plenary'
  }, [name])

  if (missing) {
    return (
      <main className="picker">
        <h1>Negotiation not found</h1>
        <p>{missing}</p>
        <p>
          <a href="/" onClick={(e) => (e.preventDefault(), navigate({ page: 'picker' }))}>
            All negotiations
          </a>
        </p>
      </main>
    )
  }

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#treaty-text"
        onClick={(e) => (e.preventDefault(), view?.focus())}
      >
        Skip to the text
      </a>
      <header className="topbar">
        <a
          className="brand"
          href="/"
          onClick={(e) => (e.preventDefault(), navigate({ page: 'picker' }))}
        >
          Plenary
        </a>
        <span className="crumb" aria-hidden="true">
          /
        </span>
        <h1 className="negotiation-name">{name ?? negotiationId}</h1>
        <ConnectionBadge status={room?.status ?? 'connecting'} />
      </header>
      {room?.status === 'outdated' && <OutdatedBanner />}
      <div className="workspace">
        <aside className="sidebar sidebar-left">
          <Outline articles={articles} currentId={currentId} peers={peers} view={view} />
        </aside>
        <main className="document">
          <Toolbar ref={toolbarRef} actions={EDITOR_ACTIONS} state={state} view={view} />
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
          <PresenceList peers={peers} articles={articles} user={user} onUserChange={setUser} />
          <RoundList rounds={rounds} />
        </aside>
      </div>
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
    </div>
  )
}
