/** A person who can sign in. Never carries the password hash out of the store by accident. */
export interface Account {
  id: string
  username: string
  displayName: string
  /** Site administrators create negotiations and hold the chair's rights everywhere. */
  isAdmin: boolean
  createdAt: string
}

/** An account as the store keeps it, with its scrypt password hash (auth/passwords.ts). */
export interface AccountWithSecret extends Account {
  passwordHash: string
}

/** What creating an account needs. */
export type NewAccount = Omit<AccountWithSecret, 'createdAt'>

/** The outcome of creating an account: the account, or why not. */
export type CreateAccountResult =
  { ok: true; account: Account } | { ok: false; reason: 'username-taken' }

/** Accounts: created on first start, by the demo, and by accepting an invitation. */
export interface AccountStore {
  /** Creates an account; usernames are unique regardless of case. */
  create(account: NewAccount): Promise<CreateAccountResult>
  /** One account by id, or null. */
  get(id: string): Promise<Account | null>
  /** One account by username (any case) with its password hash, for signing in; or null. */
  findByUsername(username: string): Promise<AccountWithSecret | null>
  /** How many accounts exist (0 on a first start). */
  count(): Promise<number>
}
