import { useId } from 'react'
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/domain/policy'
import { ActorPicker, type ActorChoice } from './ActorPicker'
import type { CampaignGroup, RoleChoice } from './membersApi'

interface RoleFieldsProps {
  value: RoleChoice
  onChange: (value: RoleChoice) => void
  actors: ActorChoice[]
  groups: CampaignGroup[]
}

/** Whether a choice is complete: a delegate needs an actor, a campaigner a group. */
export const isComplete = (c: RoleChoice): boolean =>
  c.role === 'delegate' ? !!c.actorId : c.role === 'campaigner' ? !!c.groupId : true

/** The fields of a role: the role, and the delegation or campaign group it needs. */
export function RoleFields({ value, onChange, actors, groups }: RoleFieldsProps) {
  const roleId = useId()
  const groupId = useId()
  return (
    <div className="role-fields">
      <div className="field">
        <label htmlFor={roleId}>Role</label>
        <select
          id={roleId}
          value={value.role}
          onChange={(e) => onChange({ ...value, role: e.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      {value.role === 'delegate' && (
        <ActorPicker
          actors={actors}
          value={value.actorId ?? ''}
          onChange={(actorId) => onChange({ ...value, actorId })}
        />
      )}
      {value.role === 'campaigner' && (
        <div className="field">
          <label htmlFor={groupId}>Campaign group</label>
          <select
            id={groupId}
            value={value.groupId ?? ''}
            onChange={(e) => onChange({ ...value, groupId: e.target.value })}
          >
            <option value="">Choose a group…</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  )
}
