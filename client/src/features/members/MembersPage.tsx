import { useCallback, useEffect, useMemo, useState } from 'react'
import { can, type Principal } from '../../../../shared/domain/policy'
import { listActors, type Actor, type Participant } from '../actors/actorsApi'
import type { ActorChoice } from './ActorPicker'
import { GroupsPanel } from './GroupsPanel'
import { InvitationPanel } from './InvitationPanel'
import { MemberRow } from './MemberRow'
import {
  changeMember,
  createGroup,
  createInvitation,
  listGroups,
  listInvitations,
  listMembers,
  removeMember,
  withdrawInvitation,
  type CampaignGroup,
  type Invitation,
  type Member,
  type RoleChoice,
} from './membersApi'
import { RemoveMemberDialog } from './RemoveMemberDialog'

interface MembersPageProps {
  negotiationId: string
  principal: Principal
  participants: Participant[]
}

/** The chair's page of members: who has which role, changing and removing, and invitations. */
export function MembersPage({ negotiationId, principal, participants }: MembersPageProps) {
  const allowed = can(principal, { type: 'manage-members' })
  const [members, setMembers] = useState<Member[] | null>(null)
  const [groups, setGroups] = useState<CampaignGroup[]>([])
  const [pending, setPending] = useState<Invitation[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<Member | null>(null)
  const [catalogue, setCatalogue] = useState<Actor[]>([])
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])

  useEffect(() => {
    if (!allowed.ok) return
    const abort = new AbortController()
    const fail = (e: unknown) => !abort.signal.aborted && setError((e as Error).message)
    listMembers(negotiationId, abort.signal).then(setMembers, fail)
    listGroups(negotiationId, abort.signal).then(setGroups, fail)
    listInvitations(negotiationId, abort.signal).then(setPending, fail)
    return () => abort.abort()
  }, [negotiationId, allowed.ok, generation])

  useEffect(() => {
    if (!allowed.ok) return
    const abort = new AbortController()
    // Without the catalogue the participants alone are offered; nothing to tell the chair.
    listActors(abort.signal).then(setCatalogue, () => {})
    return () => abort.abort()
  }, [allowed.ok])

  // Participants first (the delegations of this negotiation), then the rest of the catalogue.
  const actors: ActorChoice[] = useMemo(() => {
    const byName = (a: ActorChoice, b: ActorChoice) => a.name.localeCompare(b.name)
    const taking = participants.map((p) => ({ id: p.actor.id, name: p.actor.name })).sort(byName)
    const ids = new Set(taking.map((a) => a.id))
    const others = catalogue
      .filter((a) => !ids.has(a.id))
      .map((a) => ({ id: a.id, name: a.name }))
      .sort(byName)
    return [...taking, ...others]
  }, [participants, catalogue])

  // Every change reloads the lists, so the page shows what the server holds, not a guess.
  const run = async <T,>(action: () => Promise<T>): Promise<T> => {
    setError(null)
    try {
      const result = await action()
      reload()
      return result
    } catch (e) {
      setError((e as Error).message)
      throw e
    }
  }

  if (!allowed.ok) {
    return (
      <main className="sheet">
        <h2 className="sheet-title">Members</h2>
        <p>{allowed.reason}</p>
      </main>
    )
  }

  return (
    <main className="sheet sheet-split" aria-labelledby="members-heading">
      <div className="sheet-main">
        <div className="sheet-head">
          <h2 id="members-heading" className="sheet-title">
            Members <span className="count">{members?.length ?? ''}</span>
          </h2>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {!members && !error && <p role="status">Loading the members…</p>}
        {members && (
          <table className="data-table members" data-testid="members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow
                  key={m.accountId}
                  member={m}
                  isSelf={m.accountId === principal.accountId}
                  actors={actors}
                  groups={groups}
                  onChange={(member, choice: RoleChoice) =>
                    run(() => changeMember(negotiationId, member.accountId, choice)).then(() => {})
                  }
                  onRemove={setRemoving}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <aside className="sheet-side">
        <InvitationPanel
          actors={actors}
          groups={groups}
          pending={pending}
          onCreate={(choice) => run(() => createInvitation(negotiationId, choice))}
          onWithdraw={(id) => void run(() => withdrawInvitation(negotiationId, id)).catch(() => {})}
        />
        <GroupsPanel
          groups={groups}
          onCreate={(group) => run(() => createGroup(negotiationId, group)).then(() => {})}
        />
      </aside>
      <RemoveMemberDialog
        member={removing}
        onCancel={() => setRemoving(null)}
        onConfirm={(member) => {
          setRemoving(null)
          void run(() => removeMember(negotiationId, member.accountId)).catch(() => {})
        }}
      />
    </main>
  )
}
