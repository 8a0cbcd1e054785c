import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { flushSync } from 'react-dom'
import type { Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import type { EditorView } from 'prosemirror-view'
import type { CollabRoom } from '../../collab/useCollabRoom'
import { EDITOR_ACTIONS } from '../../editor/actions'
import { useEditorSelector } from '../../editor/editorStateStore'
import type { TextMode } from '../../editor/plugins/proposalsPlugin'
import { useEditorView } from '../../editor/useEditorView'
import { countRender } from '../../renderCounts'
import type { Participant } from '../actors/actorsApi'
import { AnnotateButton } from '../annotations/AnnotateButton'
import { AnnotationDialog } from '../annotations/AnnotationDialog'
import { ArticleNotes } from '../annotations/ArticleNotes'
import { matchesAnnotateKey } from '../annotations/annotateKeys'
import { proposalChoices } from '../annotations/selectors'
import { useNoteDesk } from '../annotations/useNoteDesk'
import { Tabs } from '../common/Tabs'
import { Outline } from '../outline/Outline'
import { goToArticle } from '../outline/goToArticle'
import type { LocalUser } from '../presence/localUser'
import { PresenceList } from '../presence/PresenceList'
import type { Peer } from '../presence/usePeers'
import type { RoomSummary } from '../../../../shared/collab/presence'
import { ProposalSidebar } from '../proposals/ProposalSidebar'
import { ProposalsBar } from '../proposals/ProposalsBar'
import { ProposalsOnly } from '../proposals/ProposalsOnly'
import { ProposeDialog } from '../proposals/ProposeDialog'
import { matchesProposeKey } from '../proposals/proposeKeys'
import { openCounts } from '../proposals/selectors'
import { useProposalDesk } from '../proposals/useProposalDesk'
import { useProposeFlow } from '../proposals/useProposeFlow'
import { useTextProposals } from '../proposals/useTextProposals'
import { RoundList } from '../rounds/RoundList'
import { openSearch } from '../search/searchStore'
import { useSearchJump } from '../search/useSearchJump'
import { DrawerBar } from '../shell/DrawerBar'
import { useDrawers } from '../shell/useDrawers'
import { EditorDeleteArticleDialog } from '../toolbar/DeleteArticleDialog'
import { OfflineReview, OfflineReviewNotice } from './OfflineReview'
import { Toolbar } from '../toolbar/Toolbar'
import {
  sameAnchors,
  sameCleaning,
  sameOutline,
  selectAnchors,
  selectCleaning,
  selectCurrentId,
  selectDeleteId,
  selectHasText,
  selectOutline,
} from './textSelectors'
import '../outline/outline.css'
import './workspace.css'

interface TextWorkspaceProps {
  negotiationId: string
  room: CollabRoom | null
  peers: Peer[]
  /** The room's count of the readers it does not list (useRoomSummary). */
  summary?: RoomSummary | null
  user: LocalUser
  onUserChange: (user: LocalUser) => void
  rounds: Round[]
  principal: Principal
  participants: Participant[] | null
  /** Whether this person may edit the text (the policy's `edit-text`). */
  canEdit: boolean
  /** Said above a read-only text: who you are and why you cannot edit. */
  readOnlyNote: string
}

// The outline, re-rendered only when its props change: they are built to stay the same objects
// while only the wording of an article changes. Renders are counted for the e2e test.
const OutlinePane = memo(function OutlinePane(props: Parameters<typeof Outline>[0]) {
  countRender('outline')
  return <Outline {...props} />
})

// Where an article starts in the document now (the outline's positions may be older).
function articlePos(view: EditorView, articleId: string): number | null {
  let found: number | null = null
  view.state.doc.forEach((node, pos) => {
    if (found === null && node.type.name === 'article' && node.attrs.id === articleId) found = pos
  })
  return found
}

/**
 * The discussion text: outline with open proposals per article, the structure toolbar for those
 * who may edit (a read-only notice for everyone else), the view switch and "Propose amendment",
 * the text with its proposals in brackets (or the proposals only), the current article's
 * proposals and the delegation's drafts beside it (or, in the other tab, its notes: a campaign
 * group's own and the published ones, highlighted in the text), who is here, and the rounds.
 */
export function TextWorkspace(props: TextWorkspaceProps) {
  const {
    negotiationId,
    room,
    peers,
    summary,
    user,
    onUserChange,
    rounds,
    principal,
    participants,
  } = props
  const { canEdit, readOnlyNote } = props
  const toolbarRef = useRef<HTMLDivElement>(null)
  countRender('text-workspace')
  const { view, store, setMount } = useEditorView(
    room,
    {
      leaveEditor: () => toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(),
    },
    canEdit,
  )
  // Read from the editor's state by what each shows: a keystroke that changes no structure
  // re-renders none of this page (the toolbar reads the state itself).
  const articles = useEditorSelector(store, selectOutline, sameOutline)
  const cleaning = useEditorSelector(store, selectCleaning, sameCleaning)
  const currentId = useEditorSelector(store, selectCurrentId)
  const deleteId = useEditorSelector(store, selectDeleteId)
  const hasText = useEditorSelector(store, selectHasText)
  const { placements, notePlacements, wordsAt } = useEditorSelector(
    store,
    selectAnchors,
    sameAnchors,
  )
  const deleteTarget = (canEdit && articles.find((a) => a.id === deleteId)) || null

  // Offline, the drafts come from the service worker's cache, if at all.
  const textOpen = room !== null && (room.serverSynced || room.status === 'offline')
  const desk = useProposalDesk(negotiationId, principal, participants, textOpen)
  const [mode, setMode] = useState<TextMode>('brackets')
  useTextProposals(view, desk.register.proposals, mode)
  const counts = useMemo(() => openCounts(desk.register.proposals), [desk.register.proposals])
  const flow = useProposeFlow(view, articles)
  const current = articles.find((a) => a.id === currentId) ?? null
  const drawers = useDrawers({ outline: 'outline-drawer', panel: 'panel-drawer' })

  const [tab, setTab] = useState<'proposals' | 'notes'>('proposals')
  const showNotes = useCallback(() => setTab('notes'), [])
  const notes = useNoteDesk(negotiationId, principal, view, articles, currentId, showNotes)
  const articleIds = useMemo(() => new Set(articles.map((a) => a.id)), [articles])
  const { show: showDrawer } = drawers
  const showPanelTab = useCallback(
    (next: 'proposals' | 'notes') => {
      setTab(next)
      showDrawer('panel')
    },
    [showDrawer],
  )
  useSearchJump(view, articles.length > 0, {
    showTab: showPanelTab,
    openNote: notes.openNote,
    drafts: desk.drafts,
    openDraft: desk.setOpenDraft,
  })
  const notesArticle = articles.find((a) => a.id === notes.panelArticleId) ?? null
  const notesHere = notes.notes.shown.filter((n) => n.articleId === notesArticle?.id).length
  const proposalTitles = useMemo(
    () => new Map(desk.register.proposals.map((p) => [p.id, p.title])),
    [desk.register.proposals],
  )
  const composingArticle =
    notes.composing?.kind === 'new' ? notes.composing.target.articleId : currentId
  // Leaving "proposals only" shows the text again where the reader was (or at a chosen article),
  // a frame later, once it is no longer hidden and can scroll.
  const changeMode = (next: TextMode, articleId?: string) => {
    const wasHidden = mode === 'proposals'
    setMode(next)
    if (!wasHidden || next === 'proposals' || !view) return
    requestAnimationFrame(() => {
      if (articleId) return void goToArticle(view, articleId)
      const pos = current ? articlePos(view, current.id) : null
      const dom = pos === null ? null : view.nodeDOM(pos)
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start' })
    })
  }

  // Anywhere in the workspace (the outline, the text, the panel) but inside a dialog.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Ctrl+F in the text column searches the current text (elsewhere the browser's find stays).
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f' && !e.altKey) {
      if ((e.target as Element).closest('.document') && !(e.target as Element).closest('dialog')) {
        e.preventDefault()
        return openSearch({ kinds: ['text'], round: 'current' })
      }
    }
    if (matchesAnnotateKey(e) && notes.commands && !(e.target as Element).closest('dialog')) {
      e.preventDefault()
      return notes.flow.annotate()
    }
    const key = matchesProposeKey(e)
    if (!key || !desk.mayPropose || (e.target as Element).closest('dialog')) return
    e.preventDefault()
    if (key === 'amend') flow.propose()
    else flow.proposeArticle()
  }

  return (
    <div className="workspace" onKeyDown={onKeyDown}>
      <aside
        className="sidebar sidebar-left"
        {...drawers.drawer('outline')}
        // Choosing an article closes the drawer first (the jump then finds the text uncovered):
        // the text, at that article, is what was wanted.
        onClickCapture={(e) => {
          if ((e.target as Element).closest('.outline-item')) flushSync(() => drawers.close(false))
        }}
      >
        <OutlinePane
          articles={articles}
          currentId={currentId}
          peers={peers}
          summary={summary}
          view={view}
          openCounts={counts}
          noteCounts={notes.counts}
          cleaning={cleaning}
        />
      </aside>
      <main className="document">
        <div className="document-head">
          <DrawerBar
            outline={{ ...drawers.button('outline'), label: 'Articles' }}
            where={current && `Art. ${current.label}${current.title ? ` · ${current.title}` : ''}`}
            panel={{ ...drawers.button('panel'), label: 'Proposals & notes' }}
          />
          <OfflineReviewNotice room={room} />
          {canEdit ? (
            <Toolbar ref={toolbarRef} actions={EDITOR_ACTIONS} store={store} view={view} />
          ) : (
            <p className="read-only-note" data-testid="read-only">
              {readOnlyNote}
            </p>
          )}
          <ProposalsBar
            mode={mode}
            onMode={(next) => changeMode(next)}
            onPropose={desk.mayPropose ? flow.propose : null}
            onProposeArticle={desk.mayPropose ? flow.proposeArticle : null}
            problem={flow.problem}
          >
            {notes.commands && (
              <AnnotateButton onAnnotate={notes.flow.annotate} problem={notes.flow.problem} />
            )}
          </ProposalsBar>
        </div>
        {mode === 'proposals' && (
          <ProposalsOnly
            articles={articles}
            proposals={desk.register.proposals}
            placements={placements}
            wordsAt={wordsAt}
            names={desk.names}
            onOpenArticle={(id) => changeMode('brackets', id)}
          />
        )}
        <OfflineReview
          room={room}
          view={view}
          store={store}
          canEdit={canEdit}
          negotiationId={negotiationId}
        />
        <div className="page" id="treaty-text" hidden={mode === 'proposals'}>
          {!hasText && (
            <p className="loading" role="status">
              Loading the text…
            </p>
          )}
          <div ref={setMount} className="editor" />
        </div>
      </main>
      <aside className="sidebar sidebar-right" {...drawers.drawer('panel')}>
        <Tabs
          label="Beside the text"
          selected={tab}
          onSelect={setTab}
          tabs={[
            {
              key: 'proposals',
              label: 'Proposals',
              panel: (
                <ProposalSidebar
                  negotiationId={negotiationId}
                  principal={principal}
                  user={user}
                  names={desk.names}
                  rounds={rounds}
                  register={desk.register}
                  placements={placements}
                  wordsAt={wordsAt}
                  article={current}
                  articles={articles}
                  drafts={desk.drafts}
                  openDraft={desk.openDraft}
                  onOpenDraft={desk.setOpenDraft}
                  onDraftChanged={desk.onDraftChanged}
                  speakFor={desk.speakFor}
                />
              ),
            },
            {
              key: 'notes',
              label: (
                <>
                  Notes
                  {notesHere > 0 && <span className="count">{notesHere}</span>}
                </>
              ),
              panel: (
                <ArticleNotes
                  negotiationId={negotiationId}
                  article={notesArticle}
                  articleIds={articleIds}
                  notes={notes.notes.shown}
                  placements={notePlacements}
                  wordsAt={wordsAt}
                  activeId={notes.activeId}
                  reveal={notes.reveal}
                  commands={notes.commands}
                  groupId={notes.notes.groupId}
                  groupNames={notes.groupNames}
                  proposalTitles={proposalTitles}
                  actorNames={desk.names}
                  onEdit={notes.edit}
                />
              ),
            },
          ]}
        />
        <PresenceList
          peers={peers}
          articles={articles}
          user={user}
          onUserChange={onUserChange}
          summary={summary}
        />
        <RoundList rounds={rounds} />
      </aside>
      <div {...drawers.backdrop} />
      {desk.mayPropose && (
        <ProposeDialog
          negotiationId={negotiationId}
          target={flow.target}
          actors={desk.actors}
          ownActorId={desk.ownActorId}
          onCancel={() => {
            flow.close()
            view?.focus()
          }}
          onCreated={(proposal) => {
            flow.close()
            desk.onDraftChanged(proposal)
          }}
        />
      )}
      {notes.commands && (
        <AnnotationDialog
          composing={notes.composing}
          groupTags={notes.notes.groupTags}
          proposals={proposalChoices(desk.register.proposals, composingArticle)}
          actors={desk.actors}
          onCancel={notes.cancel}
          onSave={notes.save}
        />
      )}
      {canEdit && <EditorDeleteArticleDialog view={view} article={deleteTarget} />}
    </div>
  )
}
