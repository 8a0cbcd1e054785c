import type {
  Invitation,
  InvitationStore,
  NewInvitation,
  RedeemResult,
  Redeemer,
} from '../InvitationStore'
import { membershipColumns, toMembership, type MembershipColumns } from '../sqlite/membershipRow'
import { insertAccount, toAccount } from './PgAccountStore'
import { putMembership } from './PgMemberStore'
import { storeTransaction, type PgQueryable } from './storeTransaction'

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

/** Invitations in PostgreSQL, keyed by the hash of their link's token. */
export class PgInvitationStore implements InvitationStore {
  constructor(private readonly db: PgQueryable) {}

  /** Stores a new invitation. */
  async create(inv: NewInvitation): Promise<Invitation> {
    const [role, actorId, groupId] = membershipColumns(inv.membership)
    await this.db.query(
      `INSERT INTO invitations (token_hash, negotiation_id, role, actor_id, group_id, created_by,
         created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        inv.tokenHash,
        inv.negotiationId,
        role,
        actorId,
        groupId,
        inv.createdBy,
        inv.createdAt,
        inv.expiresAt,
      ],
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
  }

  /** The invitation whose token has this hash, or null. */
  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const { rows } = await this.db.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations WHERE token_hash = $1`,
      [tokenHash],
    )
    return rows[0] ? toInvitation(rows[0]) : null
  }

  /** Unused, unexpired invitations of a negotiation, oldest first (ties: as made). */
  async listPending(negotiationId: string, now: string): Promise<Invitation[]> {
    const { rows } = await this.db.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations
       WHERE negotiation_id = $1 AND used_by IS NULL AND expires_at > $2
       ORDER BY created_at, seq`,
      [negotiationId, now],
    )
    return rows.map(toInvitation)
  }

  /** Withdraws an invitation by its id. */
  async delete(negotiationId: string, id: string): Promise<boolean> {
    if (id.length !== ID_LENGTH) return false
    const { rowCount } = await this.db.query(
      'DELETE FROM invitations WHERE negotiation_id = $1 AND left(token_hash, $2) = $3',
      [negotiationId, ID_LENGTH, id],
    )
    return (rowCount ?? 0) > 0
  }

  /**
   * Uses an invitation once, in one transaction that locks its row: a second redemption, from
   * this instance or another, waits and then finds it used.
   */
  async redeem(tokenHash: string, now: string, redeemer: Redeemer): Promise<RedeemResult> {
    return storeTransaction(this.db, async (client): Promise<RedeemResult> => {
      const { rows } = await client.query<InvitationRow>(
        `SELECT ${COLUMNS} FROM invitations WHERE token_hash = $1 FOR UPDATE`,
        [tokenHash],
      )
      const row = rows[0]
      if (!row) return { ok: false, reason: 'not-found' }
      if (row.used_by !== null) return { ok: false, reason: 'used' }
      if (row.expires_at <= now) return { ok: false, reason: 'expired' }
      let account
      if ('newAccount' in redeemer) {
        const created = await insertAccount(client, redeemer.newAccount)
        if (!created.ok) return created
        account = created.account
      } else {
        const found = await client.query<Parameters<typeof toAccount>[0]>(
          `SELECT id, username, display_name, password_hash, is_admin, created_at FROM accounts
           WHERE id = $1`,
          [redeemer.accountId],
        )
        if (!found.rows[0]) return { ok: false, reason: 'not-found' }
        account = toAccount(found.rows[0])
      }
      const before = await client.query<MembershipColumns>(
        `SELECT role, actor_id, group_id FROM memberships
         WHERE negotiation_id = $1 AND account_id = $2`,
        [row.negotiation_id, account.id],
      )
      await client.query(
        'UPDATE invitations SET used_by = $1, used_at = $2 WHERE token_hash = $3 AND used_by IS NULL',
        [account.id, now, tokenHash],
      )
      await putMembership(client, row.negotiation_id, account.id, toMembership(row), now)
      return {
        ok: true,
        account,
        invitation: toInvitation({ ...row, used_by: account.id, used_at: now }),
        previous: before.rows[0] ? toMembership(before.rows[0]) : null,
      }
    })
  }
}
