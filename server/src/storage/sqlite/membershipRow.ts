import type { Membership } from '../../../../shared/domain/policy'

/** The columns that hold a membership in the memberships and invitations tables. */
export interface MembershipColumns {
  role: string
  actor_id: string | null
  group_id: string | null
}

/** Reads a membership from its columns; a row the CHECK constraints allow always reads. */
export function toMembership(row: MembershipColumns): Membership {
  switch (row.role) {
    case 'chair':
    case 'observer':
      return { role: row.role }
    case 'delegate':
      if (row.actor_id !== null) return { role: 'delegate', actorId: row.actor_id }
      break
    case 'campaigner':
      if (row.group_id !== null) return { role: 'campaigner', groupId: row.group_id }
      break
  }
  throw new Error(`not a membership: ${JSON.stringify(row)}`)
}

/** The columns of a membership: role, actor_id, group_id. */
export function membershipColumns(m: Membership): [string, string | null, string | null] {
  return [
    m.role,
    m.role === 'delegate' ? m.actorId : null,
    m.role === 'campaigner' ? m.groupId : null,
  ]
}
