/** A signed-in browser: the SHA-256 hash of its cookie's token, never the token itself. */
export interface Session {
  tokenHash: string
  accountId: string
  createdAt: string
  expiresAt: string
}

/** An API token for a program, as its owner sees it (the secret is shown once, at creation). */
export interface ApiToken {
  id: string
  accountId: string
  name: string
  createdAt: string
  lastUsedAt: string | null
}

/** Sessions and API tokens, both kept only as SHA-256 hashes of their secrets. */
export interface CredentialStore {
  /** Stores a new session. */
  createSession(session: Session): Promise<void>
  /** The session with this token hash if it has not expired at `now`, else null. */
  findSession(tokenHash: string, now: string): Promise<Session | null>
  /** Ends a session; says whether there was one. */
  deleteSession(tokenHash: string): Promise<boolean>
  /** Stores a new API token under the hash of its secret. */
  createApiToken(token: ApiToken, tokenHash: string): Promise<void>
  /** The API token with this secret hash, or null; records `now` as its last use (to the minute). */
  useApiToken(tokenHash: string, now: string): Promise<ApiToken | null>
  /** An account's API tokens, oldest first. */
  listApiTokens(accountId: string): Promise<ApiToken[]>
  /** Revokes one of an account's API tokens; says whether it existed. */
  deleteApiToken(accountId: string, id: string): Promise<boolean>
}
