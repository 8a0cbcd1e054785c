import type Database from 'better-sqlite3'
import type {
  Account,
  AccountStore,
  AccountWithSecret,
  CreateAccountResult,
  NewAccount,
} from '../AccountStore'
import { WriteGate } from './WriteGate'

interface AccountRow {
  id: string
  username: string
  display_name: string
  password_hash: string
  is_admin: number
  created_at: string
}

const COLUMNS = 'id, username, display_name, password_hash, is_admin, created_at'

/** Reads an account row, leaving out the password hash. */
export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  isAdmin: row.is_admin === 1,
  createdAt: row.created_at,
})

/** Inserts an account inside the caller's transaction; shared with invitation redemption. */
export function insertAccount(db: Database.Database, account: NewAccount): CreateAccountResult {
  const taken = db.prepare('SELECT 1 FROM accounts WHERE username = ?').get(account.username)
  if (taken) return { ok: false, reason: 'username-taken' }
  const createdAt = new Date().toISOString()
  db.prepare(
    `INSERT INTO accounts (id, username, display_name, password_hash, is_admin, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    account.id,
    account.username,
    account.displayName,
    account.passwordHash,
    account.isAdmin ? 1 : 0,
    createdAt,
  )
  const { id, username, displayName, isAdmin } = account
  return { ok: true, account: { id, username, displayName, isAdmin, createdAt } }
}

/** Accounts in the shared SQLite database. */
export class SqliteAccountStore implements AccountStore {
  private readonly stmt

  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {
    this.stmt = {
      get: db.prepare<[string], AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE id = ?`),
      byUsername: db.prepare<[string], AccountRow>(
        `SELECT ${COLUMNS} FROM accounts WHERE username = ?`,
      ),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM accounts'),
    }
  }

  /** Creates an account unless its username is taken (in any case). */
  create(account: NewAccount): Promise<CreateAccountResult> {
    return this.gate.write(() =>
      this.db.transaction(() => insertAccount(this.db, account)).immediate(),
    )
  }

  /** One account by id, or null. */
  async get(id: string): Promise<Account | null> {
    const row = this.stmt.get.get(id)
    return row ? toAccount(row) : null
  }

  /** One account by username with its password hash, or null. */
  async findByUsername(username: string): Promise<AccountWithSecret | null> {
    const row = this.stmt.byUsername.get(username)
    return row ? { ...toAccount(row), passwordHash: row.password_hash } : null
  }

  /** How many accounts exist. */
  async count(): Promise<number> {
    return this.stmt.count.get()?.n ?? 0
  }
}
