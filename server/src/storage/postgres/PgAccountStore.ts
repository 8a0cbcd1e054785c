import type {
  Account,
  AccountStore,
  AccountWithSecret,
  CreateAccountResult,
  NewAccount,
} from '../AccountStore'
import { one, type Db } from './db'

interface AccountRow {
  id: string
  username: string
  display_name: string
  password_hash: string
  is_admin: boolean
  created_at: string
}

const COLUMNS = 'id, username, display_name, password_hash, is_admin, created_at'

/** Reads an account row, leaving out the password hash. */
export const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  isAdmin: row.is_admin,
  createdAt: row.created_at,
})

/**
 * Inserts an account on `db` (a transaction's client when part of a larger write, such as
 * redeeming an invitation); a username taken in any case answers username-taken without
 * aborting the surrounding transaction (ON CONFLICT on the lower(username) index).
 */
export async function insertAccount(db: Db, account: NewAccount): Promise<CreateAccountResult> {
  const createdAt = new Date().toISOString()
  const inserted = await one(
    db,
    `INSERT INTO accounts (id, username, display_name, password_hash, is_admin, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
    [
      account.id,
      account.username,
      account.displayName,
      account.passwordHash,
      account.isAdmin,
      createdAt,
    ],
  )
  if (!inserted) return { ok: false, reason: 'username-taken' }
  const { id, username, displayName, isAdmin } = account
  return { ok: true, account: { id, username, displayName, isAdmin, createdAt } }
}

/** Accounts in PostgreSQL (table accounts). */
export class PgAccountStore implements AccountStore {
  constructor(private readonly db: Db) {}

  /** Creates an account unless its username is taken (in any case). */
  async create(account: NewAccount): Promise<CreateAccountResult> {
    return insertAccount(this.db, account)
  }

  /** One account by id, or null. */
  async get(id: string): Promise<Account | null> {
    const row = await one<AccountRow>(this.db, `SELECT ${COLUMNS} FROM accounts WHERE id = $1`, [
      id,
    ])
    return row ? toAccount(row) : null
  }

  /** One account by username (any case) with its password hash, or null. */
  async findByUsername(username: string): Promise<AccountWithSecret | null> {
    const row = await one<AccountRow>(
      this.db,
      `SELECT ${COLUMNS} FROM accounts WHERE lower(username) = lower($1)`,
      [username],
    )
    return row ? { ...toAccount(row), passwordHash: row.password_hash } : null
  }

  /** How many accounts exist. */
  async count(): Promise<number> {
    const row = await one<{ n: number }>(this.db, 'SELECT count(*)::int AS n FROM accounts')
    return row?.n ?? 0
  }
}
