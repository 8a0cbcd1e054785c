import { useState } from 'react'
import { ApiError } from '../api'
import { login } from './authApi'
import { useSession } from './SessionContext'

/** The sentence for a failed sign-in: wrong credentials, too many tries, or no server. */
export function signInError(error: unknown): string {
  if (!(error instanceof ApiError))
    return 'Could not reach Plenary. Check your connection and try again.'
  if (error.code === 'invalid_credentials' || error.status === 401) {
    return 'That username and password do not match. Check both and try again.'
  }
  if (error.code === 'rate_limited' || error.status === 429) {
    const wait = Number(error.details.retryAfter ?? error.details.retryAfterSeconds)
    const when = !(Number.isFinite(wait) && wait > 0)
      ? 'later'
      : wait < 90
        ? `in ${Math.ceil(wait)} seconds`
        : `in ${Math.ceil(wait / 60)} minutes`
    return `Too many attempts to sign in. Try again ${when}.`
  }
  return error.message
}

/** The sign-in form; after signing in, the session reloads and the app goes where it was. */
export function SignInPage() {
  const { refresh } = useSession()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  return (
    <main className="auth-page">
      <h1 className="brand-large">Plenary</h1>
      <p className="lede">Treaty texts, article by article, negotiated live.</p>
      <form
        className="auth-card"
        aria-labelledby="signin-heading"
        onSubmit={(e) => {
          e.preventDefault()
          setBusy(true)
          setError(null)
          login(username.trim(), password)
            .then(() => refresh())
            .catch((err: unknown) => {
              setError(signInError(err))
              setBusy(false)
            })
        }}
      >
        <h2 id="signin-heading">Sign in</h2>
        {error && (
          <p className="form-error" role="alert" id="signin-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="signin-username">Username</label>
          <input
            id="signin-username"
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            aria-describedby={error ? 'signin-error' : undefined}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="signin-password">Password</label>
          <input
            id="signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          No account? Ask the chair of your negotiation for an invitation link.
        </p>
      </form>
    </main>
  )
}
