import { useEffect, useMemo, useState } from 'react'
import { can, effectiveRole, type Principal } from '../../../../shared/domain/policy'
import type { Proposal } from '../../../../shared/domain/proposals'
import type { Round, RoundState } from '../../../../shared/domain/rounds'
import { useMe } from '../../auth/SessionContext'
import { describeMembership } from '../../auth/principal'
import { linkTo, pathOf, type Navigate, type Route } from '../../useRoute'
import { useParticipants } from '../actors/useParticipants'
import { useNegotiation } from '../negotiation/useNegotiation'
import { useLocalUser } from '../presence/localUser'
import { actorChoices } from '../proposals/actorNames'
import { DraftPanel } from '../proposals/DraftPanel'
import { useActorNames } from '../proposals/useActorNames'
import { useMyDrafts } from '../proposals/useMyDrafts'
import { CoalitionForm } from './CoalitionForm'
import { CoalitionMembersForm } from './CoalitionMembersForm'
import { CommonProposal } from './CommonProposal'
import { GroupSection } from './GroupSection'
import type { GroupView } from './groupsApi'
import { coalitionDrafts, myGroups } from './groupViews'
import { putGroupView, reloadGroupViews, useGroupViews } from './useGroupViews'
import './rooms.css'

/** The props of the Rooms page. */
export interface RoomsPageProps {
  negotiationId: string
  principal: Principal
  navigate: Navigate
}

/**
 * Rooms (issue 13): the groups the person belongs to — their delegation, their coalitions, their
 * campaign group — each with its private notes, its briefing papers and its drafting room; the
 * chair sees every coalition, creates one and sets its members for a round.
 */
export function RoomsPage({ negotiationId, principal, navigate }: RoomsPageProps) {
  const me = useMe()
  const { groups, error } = useGroupViews(negotiationId)
  // Coalitions change with the rounds: the page asks again whenever it is opened.
  useEffect(() => {
    void reloadGroupViews(me.account.id, negotiationId)
  }, [me.account.id, negotiationId])
  const participants = useParticipants(negotiationId).participants
  const names = useActorNames(participants)
  const actors = useMemo(() => actorChoices(participants), [participants])
  const { detail } = useNegotiation(negotiationId)
  // The API's rounds carry their status, which the detail's type leaves out.
  const rounds = (detail?.rounds ?? []) as (Round & Partial<Pick<RoundState, 'status'>>)[]
  const openRoundId = rounds.find((r) => r.status === 'open')?.id ?? null

  const m = principal.membership
  const ownActorId = m?.role === 'delegate' ? m.actorId : null
  const isChair = effectiveRole(principal) === 'chair'
  const mayDraft = ownActorId
    ? can(principal, { type: 'act-for', actorId: ownActorId }).ok
    : isChair
  const { drafts, reload } = useMyDrafts(negotiationId, mayDraft)
  const [openId, setOpenId] = useState<string | null>(null)
  const [created, setCreated] = useState<Proposal | null>(null)
  const openDraft = drafts.find((d) => d.id === openId) ?? (created?.id === openId ? created : null)

  const role = describeMembership(detail?.membership ?? null, {}, principal.isAdmin)
  const [user] = useLocalUser(me.account.id, me.account.displayName, role)

  const mine = myGroups(groups)
  const others = isChair ? (groups ?? []).filter((g) => g.kind === 'coalition' && !g.mine) : []
  const issuesRoute: Route = { page: 'negotiation', id: negotiationId, view: 'issues' }
  const onIssues = linkTo(navigate, issuesRoute)
  const changed = (group: GroupView) => putGroupView(me.account.id, negotiationId, group)
  const draftsOf = (groupId: string) => coalitionDrafts(drafts, groupId)
  const onDraft = (proposal: Proposal) => {
    setCreated(proposal.status === 'draft' ? proposal : null)
    setOpenId(proposal.status === 'draft' ? proposal.id : null)
    reload()
  }

  const section = (g: GroupView) => (
    <GroupSection
      key={g.id}
      negotiationId={negotiationId}
      group={g}
      names={names}
      drafts={draftsOf(g.id)}
      openDraftId={openId}
      onOpenDraft={(d) => setOpenId(d.id)}
      showNotes={g.mine}
      issuesHref={pathOf(issuesRoute)}
      onIssues={onIssues}
    >
      {g.kind === 'coalition' && mayDraft && g.mine && (
        <CommonProposal
          negotiationId={negotiationId}
          coalition={g}
          actors={actors}
          ownActorId={ownActorId}
          onCreated={onDraft}
        />
      )}
      {g.kind === 'coalition' && isChair && (
        <CoalitionMembersForm
          negotiationId={negotiationId}
          coalition={g}
          actors={actors}
          rounds={rounds}
          currentRoundId={openRoundId}
          onChanged={changed}
        />
      )}
    </GroupSection>
  )

  return (
    <main className="sheet sheet-split rooms-page" aria-labelledby="rooms-heading">
      <div className="sheet-main">
        <div className="sheet-head">
          <h2 id="rooms-heading" className="sheet-title">
            Rooms
          </h2>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {groups === null && !error && (
          <p className="loading" role="status">
            Loading the rooms…
          </p>
        )}
        {groups !== null && mine.length === 0 && !isChair && (
          <p className="muted">You are in no group of this negotiation.</p>
        )}
        {mine.map(section)}
        {isChair && (
          <>
            <h3 className="subheading">Every coalition</h3>
            {others.length === 0 && <p className="muted">No coalition yet.</p>}
            {others.map(section)}
          </>
        )}
      </div>
      <aside className="sheet-side">
        {openDraft && (
          <DraftPanel
            key={openDraft.id}
            negotiationId={negotiationId}
            proposal={openDraft}
            principal={principal}
            user={user}
            names={names}
            onClose={() => setOpenId(null)}
            onChanged={onDraft}
          />
        )}
        {isChair && (
          <CoalitionForm
            negotiationId={negotiationId}
            actors={actors}
            rounds={rounds}
            onCreated={(g) => {
              changed(g)
              void reloadGroupViews(me.account.id, negotiationId)
            }}
          />
        )}
      </aside>
    </main>
  )
}
