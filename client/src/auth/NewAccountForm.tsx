import { useState } from 'react'
import type { NewAccount } from './authApi'

/** The shortest password the form accepts (the server has the last word). */
export const MIN_PASSWORD = 10

/** The fields of a new account: username, the name others see, and a password typed twice. */
export function NewAccountForm({
  busy,
  onSubmit,
}: {
  busy: boolean
  onSubmit: (a: NewAccount) => void
}) {
  const [account, setAccount] = useState<NewAccount>({
    username: '',
    displayName: '',
    password: '',
  })
  const [repeat, setRepeat] = useState('')
  const mismatch = repeat !== '' && repeat !== account.password
  const set = (field: keyof NewAccount) => (e: { target: { value: string } }) =>
    setAccount({ ...account, [field]: e.target.value })
  return (
    <form
      className="stack-form"
      aria-label="Create an account"
      onSubmit={(e) => {
        e.preventDefault()
        if (mismatch) return
        onSubmit({
          ...account,
          username: account.username.trim(),
          displayName: account.displayName.trim(),
        })
      }}
    >
      <div className="field">
        <label htmlFor="new-username">Username</label>
        <input
          id="new-username"
          autoComplete="username"
          required
          maxLength={32}
          value={account.username}
          onChange={set('username')}
        />
      </div>
      <div className="field">
        <label htmlFor="new-display-name">Your name, as others see it</label>
        <input
          id="new-display-name"
          autoComplete="name"
          required
          maxLength={80}
          value={account.displayName}
          onChange={set('displayName')}
        />
      </div>
      <div className="field">
        <label htmlFor="new-password">Password (at least {MIN_PASSWORD} characters)</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          value={account.password}
          onChange={set('password')}
        />
      </div>
      <div className="field">
        <label htmlFor="new-password-repeat">Password again</label>
        <input
          id="new-password-repeat"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch || undefined}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {mismatch && <span className="field-hint">The two passwords differ.</span>}
      </div>
      <button type="submit" className="button-primary" disabled={busy || mismatch}>
        Create account and accept
      </button>
    </form>
  )
}
