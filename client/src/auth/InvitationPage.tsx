import { useEffect, useState } from 'react'
import { ApiError } from '../api'
import { linkTo, type Navigate } from '../useRoute'
import {
  acceptInvitation,
  getInvitation,
  type InvitationInfo,
  type MyMembership,
  type NewAccount,
} from './authApi'
import { NewAccountForm } from './NewAccountForm'
import { describeMembership, youAre } from './principal'
import { useSession } from './SessionContext'

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; invitation: InvitationInfo }

// Why a link does not work, in words for the person who followed it.
const problem = (error: unknown): string =>
  error instanceof ApiError && (error.status === 404 || error.status === 410)
    ? 'This invitation link is not valid: it was used already, withdrawn or has expired. Ask the chair for a new one.'
    : (error as Error).message

/**
 * An invitation link: which negotiation and role it offers; accept it as the signed-in person,
 * or create an account with it (and be signed in).
 */
export function InvitationPage({ token, navigate }: { token: string; navigate: Navigate }) {
  const { state, refresh, signOut } = useSession()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const abort = new AbortController()
    getInvitation(token, abort.signal).then(
      (invitation) =>
        setLoad(
          invitation.valid === false
            ? { kind: 'error', message: problem(new ApiError(410, 'invitation_used', '')) }
            : { kind: 'ready', invitation },
        ),
      (e: unknown) => !abort.signal.aborted && setLoad({ kind: 'error', message: problem(e) }),
    )
    return () => abort.abort()
  }, [token])

  const accept = async (account?: NewAccount, replace = false) => {
    if (load.kind !== 'ready') return
    setBusy(true)
    setError(null)
    try {
      await acceptInvitation(token, account, replace)
      await refresh()
      navigate({ page: 'negotiation', id: load.invitation.negotiationId, view: 'text' })
    } catch (e) {
      // Our memberships changed since the page loaded: reload them, and the question shows.
      if (e instanceof ApiError && e.code === 'membership_exists') await refresh()
      else setError(e instanceof ApiError && e.status === 409 ? e.message : problem(e))
      setBusy(false)
    }
  }
  const openNegotiation = () =>
    load.kind === 'ready' &&
    navigate({ page: 'negotiation', id: load.invitation.negotiationId, view: 'text' })

  // The membership this person already has in the invitation's negotiation, if another one.
  const current =
    state.kind === 'signed-in' && load.kind === 'ready'
      ? otherMembership(state.me.memberships, load.invitation)
      : undefined

  return (
    <main className="auth-page">
      <h1 className="brand-large">Plenary</h1>
      <div className="auth-card">
        <h2>Invitation</h2>
        {load.kind === 'loading' && <p role="status">Reading the invitation…</p>}
        {load.kind === 'error' && <p role="alert">{load.message}</p>}
        {load.kind === 'ready' && (
          <>
            <p className="invitation-offer">
              You are invited to <strong>{load.invitation.negotiationName}</strong> as{' '}
              <strong data-testid="invited-role">
                {describeMembership(load.invitation, load.invitation)}
              </strong>
              .
            </p>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            {state.kind === 'signed-in' && current && load.kind === 'ready' ? (
              <div role="group" aria-label="Replace your membership?">
                <p data-testid="replace-question">
                  You are {youAre(current, current)} in this negotiation. Accept and become{' '}
                  {youAre(load.invitation, load.invitation)} instead?
                </p>
                <button
                  type="button"
                  className="button-primary"
                  disabled={busy}
                  onClick={() => void accept(undefined, true)}
                >
                  Accept
                </button>{' '}
                <button type="button" disabled={busy} onClick={openNegotiation}>
                  Keep
                </button>
              </div>
            ) : state.kind === 'signed-in' ? (
              <>
                <button
                  type="button"
                  className="button-primary"
                  disabled={busy}
                  onClick={() => void accept()}
                >
                  Accept as {state.me.account.displayName}
                </button>
                <p className="muted small">
                  Not {state.me.account.displayName}?{' '}
                  <button type="button" className="link-button" onClick={() => void signOut()}>
                    Sign out
                  </button>{' '}
                  and follow the link again.
                </p>
              </>
            ) : (
              <>
                <p>
                  Have an account?{' '}
                  <a
                    href={`/signin?next=${encodeURIComponent(`/invite/${token}`)}`}
                    onClick={linkTo(navigate, { page: 'signin', next: `/invite/${token}` })}
                  >
                    Sign in to accept
                  </a>
                  . Or create one:
                </p>
                <NewAccountForm busy={busy} onSubmit={(account) => void accept(account)} />
              </>
            )}
          </>
        )}
      </div>
    </main>
  )
}

// The person's membership in the invitation's negotiation, if it differs from the one offered.
function otherMembership(
  memberships: MyMembership[],
  invitation: InvitationInfo,
): MyMembership | undefined {
  const mine = memberships.find((m) => m.negotiationId === invitation.negotiationId)
  const same =
    mine?.role === invitation.role &&
    (mine.actorId ?? null) === (invitation.actorId ?? null) &&
    (mine.groupId ?? null) === (invitation.groupId ?? null)
  return mine && !same ? mine : undefined
}
