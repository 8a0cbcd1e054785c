import type { RoomRef } from '../collab/rooms'
import { delegationGroupId } from './groups'
import type { SessionFacts } from './sessions'
import { isPrivateRecord, recordOwner, type RecordKey } from './stances/types'

/** The roles a person can hold in one negotiation (../shared/DESIGN.md, "Who uses it"). */
export const ROLES = ['chair', 'delegate', 'campaigner', 'observer'] as const
/** A role in a negotiation. */
export type Role = (typeof ROLES)[number]

/** Human names of the roles, as the UI shows them. */
export const ROLE_LABELS: Record<Role, string> = {
  chair: 'Chair / secretariat',
  delegate: 'Delegate',
  campaigner: 'Campaigner',
  observer: 'Observer',
}

/** One person's place in one negotiation: a role, and for whom they act. */
export type Membership =
  | { role: 'chair' }
  | { role: 'observer' }
  | { role: 'delegate'; actorId: string }
  | { role: 'campaigner'; groupId: string }

/** Who is asking: a signed-in account and, in this negotiation, their membership (or none). */
export interface Principal {
  accountId: string
  /** Site administrators create negotiations and hold the chair's rights in every one. */
  isAdmin: boolean
  membership: Membership | null
  /**
   * The coalitions (group ids) whose current members include this delegate's actor, resolved
   * by the server from the coalitions' membership lists (absent: none).
   */
  coalitions?: readonly string[]
}

/**
 * The groups a principal belongs to: a campaigner's group; a delegate's delegation
 * (`delegation-<actor>`) and the coalitions of its actor. The chair and observers are in none.
 */
export function groupsOf(p: Principal): string[] {
  const m = p.membership
  if (m?.role === 'campaigner') return [m.groupId]
  if (m?.role === 'delegate') return [delegationGroupId(m.actorId), ...(p.coalitions ?? [])]
  return []
}

/** Whether a principal is a member of a group (any kind). */
export const inGroup = (p: Principal, groupId: string): boolean => groupsOf(p).includes(groupId)

/** What a connection may do in a room. */
export type RoomAccess = 'write' | 'read' | 'none'

/** Facts about a draft room that decide who may see and write it. */
export interface DraftFacts {
  /** Actors sponsoring the proposal (sponsors and co-sponsors). */
  sponsors: string[]
  /** Whether the proposal has been tabled (then everyone reads it, nobody edits it). */
  tabled: boolean
}

/** The room key of the notes room every member of a negotiation may read. */
export const PUBLIC_NOTES = 'public'

/** The role that counts for a principal: an admin acts as chair. */
export function effectiveRole(p: Principal): Role | null {
  return p.isAdmin ? 'chair' : (p.membership?.role ?? null)
}

/**
 * What a principal may do in a room. The text is the chair's to write and every member's to
 * read; the register is written only by the server; a draft belongs to its sponsors until it is
 * tabled; a group's notes belong to that group alone, and published notes are read by all.
 */
export function roomAccess(
  p: Principal,
  room: RoomRef,
  draft?: DraftFacts,
  session?: SessionFacts,
): RoomAccess {
  const role = effectiveRole(p)
  if (role === null) return 'none'
  const m = p.membership
  switch (room.kind) {
    case 'text':
      return role === 'chair' ? 'write' : 'read'
    case 'register':
      return 'read'
    case 'draft': {
      if (!draft) return 'none'
      const sponsor = m?.role === 'delegate' && draft.sponsors.includes(m.actorId)
      if (draft.tabled) return 'read'
      if (sponsor) return 'write'
      return 'none'
    }
    case 'notes':
      if (inGroup(p, room.key)) return 'write'
      if (room.key === PUBLIC_NOTES) return 'read'
      return 'none'
    case 'session':
      return sessionAccess(p, session)
  }
}

/**
 * A session's text: written by its facilitators while it is in session, read by them after;
 * read by the chair, by attendees (their delegation or their account listed) and, when the
 * session is open, by every member. Nobody opens it before it opens (no copy exists yet).
 */
function sessionAccess(p: Principal, s: SessionFacts | undefined): RoomAccess {
  if (!s || s.status === 'scheduled') return 'none'
  const role = effectiveRole(p)
  if (role === null) return 'none'
  if (s.facilitators.includes(p.accountId)) return s.status === 'in-session' ? 'write' : 'read'
  if (role === 'chair' || s.open) return 'read'
  const m = p.membership
  if (m?.role === 'delegate' && s.attendeeActorIds.includes(m.actorId)) return 'read'
  if (s.attendeeAccountIds.includes(p.accountId)) return 'read'
  return 'none'
}

/** Commands that need authority, checked by the server and used by the UI to hide controls. */
export type Action =
  | { type: 'edit-text' }
  | { type: 'manage-members' }
  | { type: 'manage-rounds' }
  | { type: 'manage-actors' }
  | { type: 'read-negotiation' }
  /** Speak or act in an actor's name: endorse, table, state a position. */
  | { type: 'act-for'; actorId: string }
  | { type: 'annotate'; groupId: string }
  /** Read a campaign group's own notes (its exports): the same people as annotate. */
  | { type: 'read-notes'; groupId: string }
  /** Create and change issues, declarations, endorsements and treaty status (the secretariat). */
  | { type: 'manage-issues' }
  /** Record what `actorId` said into a record (secretariat, a delegation's own, a group's). */
  | { type: 'record-into'; record: RecordKey; actorId: string }
  /**
   * A group's private work: its record of statements, its papers before publishing, its target
   * lists and campaign actions. Only that group's members; everyone else gets the same refusal
   * whether or not the thing exists.
   */
  | { type: 'group-work'; groupId: string }
  /** Create, change and open sessions, apply their text to the main text (the secretariat). */
  | { type: 'manage-sessions' }
  /** Report a session back: its facilitators, or the chair. */
  | { type: 'facilitate'; session: SessionFacts }
  /** Draft and table a proposal in a coalition's name (its members' delegates, or the chair). */
  | { type: 'act-for-coalition'; groupId: string }

/** The outcome of a permission check: allowed, or why not (a sentence for the user). */
export type Decision = { ok: true } | { ok: false; reason: string }

const allow: Decision = { ok: true }
const deny = (reason: string): Decision => ({ ok: false, reason })

/** Whether a principal may take an action in the negotiation of their membership. */
export function can(p: Principal, action: Action): Decision {
  const role = effectiveRole(p)
  if (role === null) return deny('You are not a member of this negotiation.')
  const m = p.membership
  switch (action.type) {
    case 'read-negotiation':
      return allow
    case 'edit-text':
      return role === 'chair' ? allow : deny('Only the chair and secretariat edit the text.')
    case 'manage-members':
    case 'manage-rounds':
    case 'manage-actors':
      return role === 'chair' ? allow : deny('Only the chair and secretariat do this.')
    case 'act-for':
      if (role === 'chair') return allow
      if (m?.role === 'delegate' && m.actorId === action.actorId) return allow
      return m?.role === 'delegate'
        ? deny(`Your delegation is ${m.actorId}; you cannot act for ${action.actorId}.`)
        : deny('Only a delegation or the chair acts in a state’s name.')
    case 'annotate':
      return inGroup(p, action.groupId)
        ? allow
        : deny('Only members of this group annotate for it.')
    case 'read-notes':
      return inGroup(p, action.groupId) ? allow : deny('Only members of this group read its notes.')
    case 'manage-sessions':
      return role === 'chair' ? allow : deny('Only the chair and secretariat do this.')
    case 'facilitate':
      return role === 'chair' || action.session.facilitators.includes(p.accountId)
        ? allow
        : deny('Only the session’s facilitators or the chair do this.')
    case 'act-for-coalition':
      return role === 'chair' || (m?.role === 'delegate' && inGroup(p, action.groupId))
        ? allow
        : deny('Only delegates of the coalition’s member states act in its name.')
    case 'manage-issues':
      return role === 'chair' ? allow : deny('Only the chair and secretariat do this.')
    case 'group-work':
      return inGroup(p, action.groupId)
        ? allow
        : deny('Only members of this group see or change its own work.')
    case 'record-into': {
      const owner = recordOwner(action.record)
      if (!owner) return deny('No such record.')
      switch (owner.kind) {
        case 'secretariat':
          return role === 'chair'
            ? allow
            : deny('Only the chair and secretariat write the secretariat’s record.')
        case 'delegation':
          return m?.role === 'delegate' &&
            m.actorId === owner.actorId &&
            action.actorId === owner.actorId
            ? allow
            : deny('A delegation records only its own statements, in its own record.')
        case 'group':
          return inGroup(p, owner.groupId)
            ? allow
            : deny('Only members of this group write its record.')
      }
    }
  }
}

/**
 * Whether a principal may read an entry of a record: the secretariat's and delegations' records
 * are public, a group's entries only for its members until the group publishes them.
 */
export function mayReadRecordEntry(
  p: Principal,
  entry: { record: RecordKey; published: boolean },
): boolean {
  if (effectiveRole(p) === null) return false
  if (!isPrivateRecord(entry.record) || entry.published) return true
  const owner = recordOwner(entry.record)
  return owner?.kind === 'group' && inGroup(p, owner.groupId)
}
