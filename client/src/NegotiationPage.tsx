import { Suspense, useCallback, useEffect, useMemo } from 'react'
import { CloseCode, roomName } from '../../shared/collab'
import { can, groupsOf } from '../../shared/domain/policy'
import { useMe, useSession } from './auth/SessionContext'
import { describeMembership, principalOf, youAre } from './auth/principal'
import { useCollabRoom } from './collab/useCollabRoom'
import { useParticipants } from './features/actors/useParticipants'
import { NegotiationProblem } from './features/negotiation/NegotiationProblem'
import { useNegotiation } from './features/negotiation/useNegotiation'
import { ExportMenu } from './features/exports/ExportMenu'
import { OutdatedBanner, RefusedBanner } from './features/presence/ConnectionBadge'
import { SyncIndicator } from './offline/SyncIndicator'
import { useLocalUser } from './features/presence/localUser'
import { usePeers, useRoomSummary } from './features/presence/usePeers'
import { SearchButton } from './features/search/SearchButton'
import { SearchDialog } from './features/search/SearchDialog'
import { NegotiationNav } from './features/shell/NegotiationNav'
import { TopBar } from './features/shell/TopBar'
import { WhoAmI } from './features/shell/WhoAmI'
import './features/shell/sheet.css'
import type { Navigate, NegotiationView } from './useRoute'
import {
  ActorsPage,
  HistoryPage,
  IssuesPage,
  MapPage,
  MatrixPage,
  MembersPage,
  ReportPage,
  RoomsPage,
  RoundsPage,
  RoundTextPage,
  SessionsPage,
  TargetsPage,
  TextWorkspace,
} from './pages'

interface NegotiationPageProps {
  negotiationId: string
  view: NegotiationView
  /** The article of the history view, the round of a frozen text. */
  articleId?: string
  roundId?: string
  /** The session of the sessions view (issue 13). */
  sessionId?: string
  navigate: Navigate
}

/**
 * One negotiation: the top bar with its views and who you are in it, and the view itself (the
 * text, the actors or the members). The text room stays connected across the views, so that
 * presence does not flicker when someone looks at the actors table.
 */
export function NegotiationPage(props: NegotiationPageProps) {
  const { negotiationId, view, articleId, roundId, sessionId, navigate } = props
  const me = useMe()
  const { refresh } = useSession()
  const negotiation = useNegotiation(negotiationId)
  const participants = useParticipants(negotiationId)
  const { detail } = negotiation

  const membership = detail?.membership ?? null
  const coalitions = detail?.coalitions
  const principal = useMemo(
    () => principalOf(me.account.id, detail?.isAdmin ?? me.account.isAdmin, membership, coalitions),
    [me.account.id, me.account.isAdmin, detail?.isAdmin, membership, coalitions],
  )
  const mine = me.memberships.find((m) => m.negotiationId === negotiationId)
  const actorName =
    participants.participants?.find((p) => p.actor.id === membership?.actorId)?.actor.name ??
    mine?.actorName
  const names = { actorName, groupName: mine?.groupName }
  const roleLabel = describeMembership(membership, names, principal.isAdmin)

  const reloadRights = negotiation.reload
  const onMembershipChanged = useCallback(() => {
    reloadRights()
    void refresh()
  }, [reloadRights, refresh])
  const onRefused = useCallback(
    (code: number) => {
      // A refused session is confirmed by asking who is signed in; a 401 leads to sign-in.
      if (code === CloseCode.Unauthenticated) void refresh()
      if (code === CloseCode.Forbidden) reloadRights()
    },
    [refresh, reloadRights],
  )
  // Whoever may edit the main text gets its offline edits back as a change set to review; known
  // from the signed-in person's memberships, before (or without) the negotiation's answer.
  const mine0 = me.memberships.find((m) => m.negotiationId === negotiationId) ?? null
  const review = can(principalOf(me.account.id, me.account.isAdmin, mine0), {
    type: 'edit-text',
  }).ok
  const room = useCollabRoom(roomName({ negotiationId, kind: 'text' }), {
    onMembershipChanged,
    onRefused,
    review,
  })

  const awareness = room?.provider.awareness
  // A delegate's name says the delegation too, unless it does already ("Delegate of France").
  const presenceName =
    membership?.role === 'delegate' && actorName && !me.account.displayName.includes(actorName)
      ? `${me.account.displayName} (${actorName})`
      : me.account.displayName
  const [user, setUser] = useLocalUser(me.account.id, presenceName, roleLabel)
  useEffect(() => {
    awareness?.setLocalStateField('user', user)
  }, [awareness, user])
  const peers = usePeers(awareness)
  const summary = useRoomSummary(awareness)

  useEffect(() => {
    document.title = detail ? `${detail.name} · Plenary` : 'Plenary'
  }, [detail])

  if (negotiation.error && !detail) {
    return <NegotiationProblem error={negotiation.error} navigate={navigate} />
  }

  const edit = can(principal, { type: 'edit-text' })
  const views: NegotiationView[] = [
    'text',
    'history',
    'report',
    'rounds',
    'issues',
    'positions',
    'map',
    ...(membership?.role === 'campaigner' ? (['targets'] as const) : []),
    // Rooms: one's groups' private rooms; the chair manages coalitions there.
    ...(groupsOf(principal).length > 0 || can(principal, { type: 'manage-members' }).ok
      ? (['rooms'] as const)
      : []),
    'sessions',
    'actors',
    ...(can(principal, { type: 'manage-members' }).ok ? (['members'] as const) : []),
  ]
  // "History" opens the article being read (the cursor's, as presence publishes it).
  const readingId = peers.find((p) => p.isLocal)?.articleId ?? null
  const readOnlyNote = `Read only — you are ${youAre(membership, names)}. ${edit.ok ? '' : edit.reason}`

  return (
    <div className="app">
      {view === 'text' && (
        <a
          className="skip-link"
          href="#treaty-text"
          onClick={(e) => {
            e.preventDefault()
            document.querySelector<HTMLElement>('#treaty-text .ProseMirror')?.focus()
          }}
        >
          Skip to the text
        </a>
      )}
      <TopBar
        navigate={navigate}
        title={detail?.name ?? negotiationId}
        status={
          <SyncIndicator accountId={me.account.id} textStatus={room?.status ?? 'connecting'} />
        }
      >
        <NegotiationNav
          negotiationId={negotiationId}
          current={view}
          views={views}
          navigate={navigate}
          historyArticleId={view === 'history' ? (articleId ?? readingId) : readingId}
        />
        <SearchButton />
        <ExportMenu negotiationId={negotiationId} mayExportAll={principal.isAdmin} />
        <WhoAmI
          displayName={me.account.displayName}
          username={me.account.username}
          role={detail ? roleLabel : undefined}
        />
      </TopBar>
      {detail && <SearchDialog negotiationId={negotiationId} navigate={navigate} />}
      {room?.status === 'outdated' && <OutdatedBanner />}
      {room?.status === 'refused' && room.refusal !== null && <RefusedBanner code={room.refusal} />}
      <Suspense
        fallback={
          <p className="loading" role="status">
            Loading…
          </p>
        }
      >
        {view === 'text' && (
          <TextWorkspace
            negotiationId={negotiationId}
            principal={principal}
            participants={participants.participants}
            room={detail ? room : null}
            peers={peers}
            summary={summary}
            user={user}
            onUserChange={setUser}
            rounds={detail?.rounds ?? []}
            canEdit={edit.ok}
            readOnlyNote={readOnlyNote}
          />
        )}
        {view === 'history' && (
          <HistoryPage
            key={negotiationId}
            negotiationId={negotiationId}
            articleId={articleId}
            fallbackArticleId={readingId}
            room={detail ? room : null}
            participants={participants.participants}
            rounds={detail?.rounds ?? []}
            navigate={navigate}
          />
        )}
        {view === 'report' && (
          <ReportPage
            negotiationId={negotiationId}
            room={detail ? room : null}
            participants={participants.participants}
          />
        )}
        {view === 'rounds' && !roundId && (
          <RoundsPage
            negotiationId={negotiationId}
            principal={principal}
            navigate={navigate}
            onRoundsChanged={reloadRights}
          />
        )}
        {view === 'rounds' && roundId && (
          <RoundTextPage
            negotiationId={negotiationId}
            roundId={roundId}
            rounds={detail?.rounds ?? []}
            navigate={navigate}
          />
        )}
        {view === 'issues' && (
          <IssuesPage
            negotiationId={negotiationId}
            principal={principal}
            rounds={detail?.rounds ?? []}
            navigate={navigate}
          />
        )}
        {view === 'positions' && (
          <MatrixPage
            negotiationId={negotiationId}
            principal={principal}
            rounds={detail?.rounds ?? []}
            navigate={navigate}
          />
        )}
        {view === 'map' && (
          <MapPage
            negotiationId={negotiationId}
            principal={principal}
            rounds={detail?.rounds ?? []}
            navigate={navigate}
          />
        )}
        {view === 'targets' && (
          <TargetsPage
            negotiationId={negotiationId}
            principal={principal}
            rounds={detail?.rounds ?? []}
            navigate={navigate}
          />
        )}
        {view === 'rooms' && (
          <RoomsPage negotiationId={negotiationId} principal={principal} navigate={navigate} />
        )}
        {view === 'sessions' && (
          <SessionsPage
            negotiationId={negotiationId}
            principal={principal}
            rounds={detail?.rounds ?? []}
            navigate={navigate}
            sessionId={sessionId}
          />
        )}
        {view === 'actors' && (
          <ActorsPage
            negotiationId={negotiationId}
            principal={principal}
            rounds={detail?.rounds ?? []}
            participants={participants}
          />
        )}
        {view === 'members' && (
          <MembersPage
            negotiationId={negotiationId}
            principal={principal}
            participants={participants.participants ?? []}
          />
        )}
      </Suspense>
    </div>
  )
}
