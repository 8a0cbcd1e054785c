import type Database from 'better-sqlite3'
import type {
  Invitation,
  InvitationStore,
  NewInvitation,
  RedeemResult,
  Redeemer,
} from '../InvitationStore'
import { insertAccount, toAccount } from './SqliteAccountStore'
import { membershipColumns, toMembership, type MembershipColumns } from './membershipRow'
import { WriteGate } from './WriteGate'

interface InvitationRow extends MembershipColumns {
  token_hash: string
  negotiation_id: string
  created_by: string
  created_at: string
  expires_at: string
  used_by: string | null
  used_at: string | null
}

// The non-secret id of an invitation: a prefix of its token's hash, which reveals nothing of
// the token and is unique enough within one negotiation (64 bits).
const ID_LENGTH = 16
const idOf = (tokenHash: string): string => tokenHash.slice(0, ID_LENGTH)

const COLUMNS = `token_hash, negotiation_id, role, actor_id, group_id, created_by, created_at,
  expires_at, used_by, used_at`

const toInvitation = (row: InvitationRow): Invitation => ({
  id: idOf(row.token_hash),
  negotiationId: row.negotiation_id,
  membership: toMembership(row),
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedBy: row.used_by,
  usedAt: row.used_at,
})

/** Invitations in the shared SQLite database, keyed by the hash of their link's token. */
export class SqliteInvitationStore implements InvitationStore {
  private readonly stmt

  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {
    this.stmt = {
      insert: db.prepare<
        [string, string, string, string | null, string | null, string, string, string]
      >(
        `INSERT INTO invitations (token_hash, negotiation_id, role, actor_id, group_id, created_by,
           created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      byHash: db.prepare<[string], InvitationRow>(
        `SELECT ${COLUMNS} FROM invitations WHERE token_hash = ?`,
      ),
      pending: db.prepare<[string, string], InvitationRow>(
        `SELECT ${COLUMNS} FROM invitations
         WHERE negotiation_id = ? AND used_by IS NULL AND expires_at > ? ORDER BY created_at`,
      ),
      remove: db.prepare<[string, number, string]>(
        `DELETE FROM invitations WHERE negotiation_id = ? AND substr(token_hash, 1, ?) = ?`,
      ),
      markUsed: db.prepare<[string, string, string]>(
        'UPDATE invitations SET used_by = ?, used_at = ? WHERE token_hash = ? AND used_by IS NULL',
      ),
      account: db.prepare<[string], Parameters<typeof toAccount>[0]>(
        `SELECT id, username, display_name, password_hash, is_admin, created_at FROM accounts
         WHERE id = ?`,
      ),
      membership: db.prepare<[string, string], MembershipColumns>(
        `SELECT role, actor_id, group_id FROM memberships
         WHERE negotiation_id = ? AND account_id = ?`,
      ),
      putMembership: db.prepare<[string, string, string, string | null, string | null, string]>(
        `INSERT INTO memberships (negotiation_id, account_id, role, actor_id, group_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (negotiation_id, account_id) DO UPDATE SET
           role = excluded.role, actor_id = excluded.actor_id, group_id = excluded.group_id`,
      ),
    }
  }

  /** Stores a new invitation. */
  create(inv: NewInvitation): Promise<Invitation> {
    return this.gate.write(() => {
      const [role, actorId, groupId] = membershipColumns(inv.membership)
      this.stmt.insert.run(
        inv.tokenHash,
        inv.negotiationId,
        role,
        actorId,
        groupId,
        inv.createdBy,
        inv.createdAt,
        inv.expiresAt,
      )
      return {
        id: idOf(inv.tokenHash),
        negotiationId: inv.negotiationId,
        membership: inv.membership,
        createdBy: inv.createdBy,
        createdAt: inv.createdAt,
        expiresAt: inv.expiresAt,
        usedBy: null,
        usedAt: null,
      }
    })
  }

  /** The invitation whose token has this hash, or null. */
  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const row = this.stmt.byHash.get(tokenHash)
    return row ? toInvitation(row) : null
  }

  /** Unused, unexpired invitations of a negotiation. */
  async listPending(negotiationId: string, now: string): Promise<Invitation[]> {
    return this.stmt.pending.all(negotiationId, now).map(toInvitation)
  }

  /** Withdraws an invitation by its id. */
  delete(negotiationId: string, id: string): Promise<boolean> {
    return this.gate.write(() => {
      if (id.length !== ID_LENGTH) return false
      return this.stmt.remove.run(negotiationId, ID_LENGTH, id).changes > 0
    })
  }

  /** Uses an invitation once, in one immediate transaction. */
  redeem(tokenHash: string, now: string, redeemer: Redeemer): Promise<RedeemResult> {
    return this.gate.write(() => {
      const redeem = this.db.transaction((): RedeemResult => {
        const row = this.stmt.byHash.get(tokenHash)
        if (!row) return { ok: false, reason: 'not-found' }
        if (row.used_by !== null) return { ok: false, reason: 'used' }
        if (row.expires_at <= now) return { ok: false, reason: 'expired' }
        let account
        if ('newAccount' in redeemer) {
          const created = insertAccount(this.db, redeemer.newAccount)
          if (!created.ok) return created
          account = created.account
        } else {
          const found = this.stmt.account.get(redeemer.accountId)
          if (!found) return { ok: false, reason: 'not-found' }
          account = toAccount(found)
        }
        const before = this.stmt.membership.get(row.negotiation_id, account.id)
        this.stmt.markUsed.run(account.id, now, tokenHash)
        const [role, actorId, groupId] = membershipColumns(toMembership(row))
        this.stmt.putMembership.run(row.negotiation_id, account.id, role, actorId, groupId, now)
        return {
          ok: true,
          account,
          invitation: toInvitation({ ...row, used_by: account.id, used_at: now }),
          previous: before ? toMembership(before) : null,
        }
      })
      return redeem.immediate()
    })
  }
}
