import type { GroupKind } from '../../../../shared/domain/groups'
import type { Proposal } from '../../../../shared/domain/proposals'
import { nameOf, type ActorNames } from '../proposals/actorNames'
import type { GroupView } from './groupsApi'

const ORDER: Record<GroupKind, number> = { delegation: 0, coalition: 1, campaign: 2 }

/** The caller's own groups, as the Rooms page and the notes' choice list them: delegation first. */
export const myGroups = (groups: readonly GroupView[] | null): GroupView[] =>
  (groups ?? [])
    .filter((g) => g.mine)
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.name.localeCompare(b.name))

/** Who is in a group, as a sentence of names. */
export function roomMembers(group: GroupView, names: ActorNames): string {
  if (group.kind === 'campaign') return `The campaigners of ${group.name}.`
  if (group.kind === 'delegation') {
    return `The delegates of ${nameOf(names, group.actorId ?? group.members[0] ?? '')}.`
  }
  return group.members.length > 0
    ? group.members.map((id) => nameOf(names, id)).join(', ')
    : 'No member states this round.'
}

/** A coalition's common proposals still in draft, from the drafts this person may see. */
export const coalitionDrafts = (drafts: readonly Proposal[], groupId: string): Proposal[] =>
  drafts.filter((d) => d.coalitionId === groupId && d.status === 'draft')
