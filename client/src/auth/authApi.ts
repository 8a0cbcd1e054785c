import { request, type MembershipInfo } from '../api'

/** The signed-in account. */
export interface Account {
  id: string
  username: string
  displayName: string
  isAdmin: boolean
}

/** One of the account's memberships, with the names the UI shows. */
export interface MyMembership extends MembershipInfo {
  negotiationId: string
  negotiationName: string
  actorName?: string | null
  groupName?: string | null
}

/** Who is signed in, and where they take part. */
export interface Me {
  account: Account
  memberships: MyMembership[]
}

/** The signed-in person, or null when nobody is. */
export const getMe = async (signal?: AbortSignal) =>
  (await request<{ me: Me | null }>('GET', '/api/me', { signal })).me

/** Signs in: the server sets the session cookie and answers who is now signed in. */
export const login = async (username: string, password: string) =>
  (await request<{ me: Me }>('POST', '/api/auth/login', { body: { username, password } })).me

/** Ends the session (the server clears the cookie). */
export const logout = () => request<void>('POST', '/api/auth/logout')

/** An invitation as its link shows it to anybody who holds the link. */
export interface InvitationInfo extends MembershipInfo {
  negotiationId: string
  negotiationName: string
  actorName?: string | null
  groupName?: string | null
  expiresAt?: string
  /** False once used or expired. */
  valid?: boolean
}

/** What an invitation link offers: which negotiation, with which role. */
export const getInvitation = async (token: string, signal?: AbortSignal) =>
  (
    await request<{ invitation: InvitationInfo }>(
      'GET',
      `/api/invitations/${encodeURIComponent(token)}`,
      { signal },
    )
  ).invitation

/** A new account's details, for accepting an invitation without one. */
export interface NewAccount {
  username: string
  displayName: string
  password: string
}

/**
 * Accepts an invitation as the signed-in person (`replace` to give up another membership in
 * that negotiation, which the server otherwise refuses with 409), or with a new account.
 */
export const acceptInvitation = (token: string, account?: NewAccount, replace = false) =>
  request<unknown>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`, {
    body: account ?? (replace ? { replace: true } : {}),
  })
