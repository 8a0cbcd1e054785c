import { useState } from 'react'
import { describeMembership } from '../../auth/principal'
import type { ActorChoice } from './ActorPicker'
import { CopyLink } from './CopyLink'
import type { CampaignGroup, Invitation, RoleChoice } from './membersApi'
import { RoleFields, isComplete } from './RoleFields'

interface InvitationPanelProps {
  actors: ActorChoice[]
  groups: CampaignGroup[]
  pending: Invitation[] | null
  onCreate: (choice: RoleChoice) => Promise<Invitation>
  onWithdraw: (invitationId: string) => void
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

/** Invite someone with a role: create a link to send them, and see who has not accepted yet. */
export function InvitationPanel(props: InvitationPanelProps) {
  const { actors, groups, pending, onCreate, onWithdraw } = props
  const [choice, setChoice] = useState<RoleChoice>({ role: 'observer' })
  const [created, setCreated] = useState<Invitation | null>(null)
  const [busy, setBusy] = useState(false)
  const nameOf = (i: Invitation) => ({
    actorName: actors.find((a) => a.id === i.actorId)?.name,
    groupName: groups.find((g) => g.id === i.groupId)?.name,
  })

  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="panel-heading">
        Invite someone
      </h2>
      <form
        className="stack-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!isComplete(choice)) return
          setBusy(true)
          onCreate(choice)
            .then(setCreated)
            .catch(() => setCreated(null))
            .finally(() => setBusy(false))
        }}
      >
        <RoleFields value={choice} onChange={setChoice} actors={actors} groups={groups} />
        <button type="submit" className="button-primary" disabled={busy || !isComplete(choice)}>
          Create invitation link
        </button>
      </form>
      {created?.url && (
        <div className="invitation-created" data-testid="invitation-link">
          <p>
            Send this link to the person you invite as{' '}
            <strong>{describeMembership(created, nameOf(created))}</strong>. It works once.
          </p>
          <CopyLink url={new URL(created.url, window.location.origin).href} />
        </div>
      )}
      <h3 className="subheading">
        Pending invitations <span className="count">{pending?.length ?? ''}</span>
      </h3>
      {pending && pending.length === 0 && <p className="muted">None.</p>}
      {pending && pending.length > 0 && (
        <ul className="plain-list" data-testid="pending-invitations">
          {pending.map((inv, i) => (
            <li key={inv.id ?? i} className="pending-invitation">
              <span>
                {describeMembership(inv, nameOf(inv))}
                {inv.expiresAt && (
                  <span className="muted"> · until {day.format(new Date(inv.expiresAt))}</span>
                )}
              </span>
              {inv.id && (
                <button
                  type="button"
                  className="button-quiet danger-text"
                  onClick={() => inv.id && onWithdraw(inv.id)}
                >
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
