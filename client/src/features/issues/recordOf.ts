import { can, effectiveRole, type Principal } from '../../../../shared/domain/policy'
import type { RecordKey } from '../../../../shared/domain/stances/types'

/**
 * The record a person writes into, by role: the chair the secretariat's, a delegate its own
 * delegation's, a campaigner her group's (private until published); null for anyone else.
 */
export function recordOf(principal: Principal): RecordKey | null {
  if (effectiveRole(principal) === 'chair') return 'secretariat'
  const m = principal.membership
  if (m?.role === 'delegate') return `delegation:${m.actorId}`
  if (m?.role === 'campaigner') return `group:${m.groupId}`
  return null
}

/** The actor a delegate may only record for (its own), or null when any actor may be chosen. */
export const ownActorOf = (principal: Principal): string | null =>
  principal.membership?.role === 'delegate' && effectiveRole(principal) !== 'chair'
    ? principal.membership.actorId
    : null

/** Whether the person may record for `actorId` (or for anyone, without one) into their record. */
export function mayRecord(principal: Principal, actorId?: string): boolean {
  const record = recordOf(principal)
  if (!record) return false
  const actor = actorId ?? ownActorOf(principal) ?? '*'
  return can(principal, { type: 'record-into', record, actorId: actor }).ok
}
