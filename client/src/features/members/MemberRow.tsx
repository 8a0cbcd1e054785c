import { useState } from 'react'
import { describeMembership } from '../../auth/principal'
import type { ActorChoice } from './ActorPicker'
import type { CampaignGroup, Member, RoleChoice } from './membersApi'
import { RoleFields, isComplete } from './RoleFields'

interface MemberRowProps {
  member: Member
  isSelf: boolean
  actors: ActorChoice[]
  groups: CampaignGroup[]
  onChange: (member: Member, choice: RoleChoice) => Promise<void>
  onRemove: (member: Member) => void
}

/** One member: name, role and for whom; Change role opens the role's fields under the row. */
export function MemberRow({ member, isSelf, actors, groups, onChange, onRemove }: MemberRowProps) {
  const [editing, setEditing] = useState<RoleChoice | null>(null)
  const [busy, setBusy] = useState(false)
  const names = {
    actorName: actors.find((a) => a.id === member.actorId)?.name,
    groupName: groups.find((g) => g.id === member.groupId)?.name,
  }
  return (
    <>
      <tr data-account={member.username}>
        <th scope="row">
          <span className="member-name">{member.displayName}</span>
          <span className="member-username">
            {member.username}
            {isSelf && ' (you)'}
          </span>
        </th>
        <td>{describeMembership(member, names)}</td>
        <td className="row-actions">
          <button
            type="button"
            className="button-quiet"
            aria-expanded={editing !== null}
            aria-label={`Change role of ${member.displayName}`}
            onClick={() =>
              setEditing(
                editing
                  ? null
                  : { role: member.role, actorId: member.actorId, groupId: member.groupId },
              )
            }
          >
            Change role
          </button>
          {!isSelf && (
            <button
              type="button"
              className="button-quiet danger-text"
              aria-label={`Remove ${member.displayName}`}
              onClick={() => onRemove(member)}
            >
              Remove
            </button>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="member-edit">
          <td colSpan={3}>
            <form
              className="inline-form"
              aria-label={`Role of ${member.displayName}`}
              onSubmit={(e) => {
                e.preventDefault()
                if (!isComplete(editing)) return
                setBusy(true)
                onChange(member, editing)
                  // A refusal is shown by the page; the fields stay open to correct.
                  .then(
                    () => setEditing(null),
                    () => {},
                  )
                  .finally(() => setBusy(false))
              }}
            >
              <RoleFields value={editing} onChange={setEditing} actors={actors} groups={groups} />
              <div className="form-buttons">
                <button
                  type="submit"
                  className="button-primary"
                  disabled={busy || !isComplete(editing)}
                >
                  Save role
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  )
}
