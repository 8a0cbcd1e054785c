import { negotiationPath, request, type MembershipInfo } from '../../api'

/** A member of a negotiation as the chair sees them. */
export interface Member extends MembershipInfo {
  accountId: string
  username: string
  displayName: string
}

/** A campaign group of a negotiation. */
export interface CampaignGroup {
  id: string
  name: string
}

/** A role to give, with the actor or group it needs. */
export type RoleChoice = MembershipInfo

/** An invitation the chair created; `url` only in the answer that created it. */
export interface Invitation extends MembershipInfo {
  id?: string
  url?: string
  createdAt?: string
  expiresAt?: string
  createdBy?: string
}

const path = (negotiationId: string, rest: string) => negotiationPath(negotiationId, rest)

// Only the fields the role needs: the server refuses an actor for a campaigner and so on.
const body = ({ role, actorId, groupId }: RoleChoice) => ({
  role,
  ...(role === 'delegate' ? { actorId } : {}),
  ...(role === 'campaigner' ? { groupId } : {}),
})

/** The members of a negotiation (chair). */
export const listMembers = async (negotiationId: string, signal?: AbortSignal) =>
  (await request<{ members: Member[] }>('GET', path(negotiationId, '/members'), { signal })).members

/** Gives a member another role (chair); their live connections are cut and come back with it. */
export const changeMember = (negotiationId: string, accountId: string, choice: RoleChoice) =>
  request<unknown>('PATCH', path(negotiationId, `/members/${encodeURIComponent(accountId)}`), {
    body: body(choice),
  })

/** Removes a member from the negotiation (chair). */
export const removeMember = (negotiationId: string, accountId: string) =>
  request<void>('DELETE', path(negotiationId, `/members/${encodeURIComponent(accountId)}`))

/** The campaign groups of a negotiation. */
export const listGroups = async (negotiationId: string, signal?: AbortSignal) =>
  (await request<{ groups: CampaignGroup[] }>('GET', path(negotiationId, '/groups'), { signal }))
    .groups

/** Creates a campaign group (chair); its id names its notes room. */
export const createGroup = async (negotiationId: string, group: CampaignGroup) =>
  (await request<{ group: CampaignGroup }>('POST', path(negotiationId, '/groups'), { body: group }))
    .group

/** A group id from its name: "Human Rights Watch" → "human-rights-watch". */
export const groupIdFrom = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')

/** Creates an invitation link for a role (chair). */
export const createInvitation = async (negotiationId: string, choice: RoleChoice) =>
  (
    await request<{ invitation: Invitation }>('POST', path(negotiationId, '/invitations'), {
      body: body(choice),
    })
  ).invitation

/** Withdraws an invitation that has not been accepted (chair). */
export const withdrawInvitation = (negotiationId: string, invitationId: string) =>
  request<void>('DELETE', path(negotiationId, `/invitations/${encodeURIComponent(invitationId)}`))

/** The invitations not yet accepted (chair). */
export const listInvitations = async (negotiationId: string, signal?: AbortSignal) =>
  (
    await request<{ invitations: Invitation[] }>('GET', path(negotiationId, '/invitations'), {
      signal,
    })
  ).invitations
