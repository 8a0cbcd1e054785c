import type { ApiToken, CredentialStore, Session } from '../CredentialStore'
import { all, one, type Db } from './db'

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

const TOKEN_COLUMNS = 'id, account_id, name, created_at, last_used_at'

// How stale a token's recorded last use may be: within this, a use writes nothing.
const LAST_USE_PRECISION_MS = 60_000

/**
 * Sessions and API tokens in PostgreSQL, as hashes of their secrets. Every instance reads the
 * same rows, so a session made on one is found on all; a token's last use is batched per
 * instance as in SQLite (a later time never overwritten by an earlier one from another instance).
 */
export class PgCredentialStore implements CredentialStore {
  // API token id → its last use not yet written.
  private readonly lastUses = new Map<string, string>()
  // Last uses being written: still this instance's latest word until the write has committed.
  private readonly writing = new Map<string, string>()
  private flushing: Promise<void> = Promise.resolve()

  constructor(private readonly db: Db) {}

  /** Stores a new session, and forgets sessions that have expired. */
  async createSession(s: Session): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE expires_at <= $1', [s.createdAt])
    await this.db.query(
      `INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
       VALUES ($1, $2, $3, $4)`,
      [s.tokenHash, s.accountId, s.createdAt, s.expiresAt],
    )
  }

  /** The unexpired session with this token hash, or null. */
  async findSession(tokenHash: string, now: string): Promise<Session | null> {
    const row = await one<SessionRow>(
      this.db,
      `SELECT token_hash, account_id, created_at, expires_at FROM sessions
       WHERE token_hash = $1 AND expires_at > $2`,
      [tokenHash, now],
    )
    if (!row) return null
    return {
      tokenHash: row.token_hash,
      accountId: row.account_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    }
  }

  /** Ends a session. */
  async deleteSession(tokenHash: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])
    return (r.rowCount ?? 0) > 0
  }

  /** Stores a new API token under the hash of its secret. */
  async createApiToken(t: ApiToken, tokenHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO api_tokens (id, token_hash, account_id, name, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [t.id, tokenHash, t.accountId, t.name, t.createdAt],
    )
  }

  /**
   * The API token with this secret hash, or null; its last use is written at most once a
   * minute (a thousand programs connecting at once should not mean a thousand writes).
   */
  async useApiToken(tokenHash: string, now: string): Promise<ApiToken | null> {
    const row = await one<TokenRow>(
      this.db,
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1`,
      [tokenHash],
    )
    if (!row) return null
    const recorded = this.lastUses.get(row.id) ?? this.writing.get(row.id) ?? row.last_used_at
    const last = recorded === null ? null : Date.parse(recorded)
    if (last !== null && Date.parse(now) - last < LAST_USE_PRECISION_MS) {
      return { ...toToken(row), lastUsedAt: recorded }
    }
    this.recordLastUse(row.id, now)
    return { ...toToken(row), lastUsedAt: now }
  }

  /** Writes the last uses recorded since the last write (before reading or closing). */
  async flushLastUses(): Promise<void> {
    if (this.lastUses.size > 0) {
      const uses = [...this.lastUses]
      this.lastUses.clear()
      uses.forEach(([id, at]) => this.writing.set(id, at))
      // One statement for the batch; GREATEST keeps another instance's later use.
      const write = this.flushing.then(() =>
        this.db.query(
          `UPDATE api_tokens t SET last_used_at = GREATEST(t.last_used_at, u.at)
           FROM unnest($1::text[], $2::text[]) AS u (id, at) WHERE t.id = u.id`,
          [uses.map(([id]) => id), uses.map(([, at]) => at)],
        ),
      )
      const written = () =>
        uses.forEach(([id, at]) => {
          if (this.writing.get(id) === at) this.writing.delete(id)
        })
      this.flushing = write.then(written, (e: unknown) => {
        written()
        console.error('API token last uses not written', e)
      })
    }
    await this.flushing
  }

  // Last uses are written together on the next turn of the event loop: a thousand programs
  // connecting at once make one statement, not a thousand.
  private recordLastUse(id: string, at: string): void {
    if (this.lastUses.size === 0) {
      setImmediate(() => void this.flushLastUses())
    }
    this.lastUses.set(id, at)
  }

  /** An account's API tokens, oldest first. */
  async listApiTokens(accountId: string): Promise<ApiToken[]> {
    await this.flushLastUses()
    const rows = await all<TokenRow>(
      this.db,
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE account_id = $1 ORDER BY created_at, id`,
      [accountId],
    )
    return rows.map(toToken)
  }

  /** Revokes one of an account's API tokens. */
  async deleteApiToken(accountId: string, id: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM api_tokens WHERE account_id = $1 AND id = $2', [
      accountId,
      id,
    ])
    return (r.rowCount ?? 0) > 0
  }
}
