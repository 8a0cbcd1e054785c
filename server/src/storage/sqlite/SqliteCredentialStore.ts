import type Database from 'better-sqlite3'
import type { ApiToken, CredentialStore, Session } from '../CredentialStore'
import { WriteGate } from './WriteGate'

interface SessionRow {
  token_hash: string
  account_id: string
  created_at: string
  expires_at: string
}

interface TokenRow {
  id: string
  account_id: string
  name: string
  created_at: string
  last_used_at: string | null
}

const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
})

// How stale a token's recorded last use may be: within this, a use writes nothing.
const LAST_USE_PRECISION_MS = 60_000

/** Sessions and API tokens in the shared SQLite database, as hashes of their secrets. */
export class SqliteCredentialStore implements CredentialStore {
  private readonly stmt
  // API token id → its last use not yet written.
  private readonly lastUses = new Map<string, string>()

  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {
    this.stmt = {
      insertSession: db.prepare<[string, string, string, string]>(
        `INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
         VALUES (?, ?, ?, ?)`,
      ),
      session: db.prepare<[string, string], SessionRow>(
        `SELECT token_hash, account_id, created_at, expires_at FROM sessions
         WHERE token_hash = ? AND expires_at > ?`,
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
      deleteExpired: db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?'),
      insertToken: db.prepare<[string, string, string, string, string]>(
        `INSERT INTO api_tokens (id, token_hash, account_id, name, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      token: db.prepare<[string], TokenRow>(
        `SELECT id, account_id, name, created_at, last_used_at FROM api_tokens
         WHERE token_hash = ?`,
      ),
      touchToken: db.prepare<[string, string]>(
        'UPDATE api_tokens SET last_used_at = ? WHERE id = ?',
      ),
      tokens: db.prepare<[string], TokenRow>(
        `SELECT id, account_id, name, created_at, last_used_at FROM api_tokens
         WHERE account_id = ? ORDER BY created_at, id`,
      ),
      deleteToken: db.prepare<[string, string]>(
        'DELETE FROM api_tokens WHERE account_id = ? AND id = ?',
      ),
    }
  }

  /** Stores a new session, and forgets sessions that have expired. */
  createSession(s: Session): Promise<void> {
    return this.gate.write(() => {
      this.stmt.deleteExpired.run(s.createdAt)
      this.stmt.insertSession.run(s.tokenHash, s.accountId, s.createdAt, s.expiresAt)
    })
  }

  /** The unexpired session with this token hash, or null. */
  async findSession(tokenHash: string, now: string): Promise<Session | null> {
    const row = this.stmt.session.get(tokenHash, now)
    if (!row) return null
    return {
      tokenHash: row.token_hash,
      accountId: row.account_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    }
  }

  /** Ends a session. */
  deleteSession(tokenHash: string): Promise<boolean> {
    return this.gate.write(() => this.stmt.deleteSession.run(tokenHash).changes > 0)
  }

  /** Stores a new API token under the hash of its secret. */
  createApiToken(t: ApiToken, tokenHash: string): Promise<void> {
    return this.gate.write(() => {
      this.stmt.insertToken.run(t.id, tokenHash, t.accountId, t.name, t.createdAt)
    })
  }

  /**
   * The API token with this secret hash, or null; its last use is written at most once a
   * minute (a thousand programs connecting at once should not mean a thousand writes).
   */
  async useApiToken(tokenHash: string, now: string): Promise<ApiToken | null> {
    const row = this.stmt.token.get(tokenHash)
    if (!row) return null
    const recorded = this.lastUses.get(row.id) ?? row.last_used_at
    const last = recorded === null ? null : Date.parse(recorded)
    if (last !== null && Date.parse(now) - last < LAST_USE_PRECISION_MS) {
      return { ...toToken(row), lastUsedAt: recorded }
    }
    this.recordLastUse(row.id, now)
    return { ...toToken(row), lastUsedAt: now }
  }

  /** Writes the last uses recorded since the last write (before reading or closing). */
  flushLastUses(): void {
    if (this.lastUses.size === 0 || !this.db.open) return
    const uses = [...this.lastUses]
    this.lastUses.clear()
    this.db.transaction(() => uses.forEach(([id, at]) => this.stmt.touchToken.run(at, id)))()
  }

  // Last uses are written together on the next turn of the event loop: a thousand programs
  // connecting at once make one transaction, not a thousand.
  private recordLastUse(id: string, at: string): void {
    if (this.lastUses.size === 0)
      setImmediate(() => void this.gate.write(() => this.flushLastUses()))
    this.lastUses.set(id, at)
  }

  /** An account's API tokens, oldest first. */
  async listApiTokens(accountId: string): Promise<ApiToken[]> {
    await this.gate.write(() => this.flushLastUses())
    return this.stmt.tokens.all(accountId).map(toToken)
  }

  /** Revokes one of an account's API tokens. */
  deleteApiToken(accountId: string, id: string): Promise<boolean> {
    return this.gate.write(() => this.stmt.deleteToken.run(accountId, id).changes > 0)
  }
}
