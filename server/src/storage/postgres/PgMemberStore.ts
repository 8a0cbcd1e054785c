import type { Membership } from '../../../../shared/domain/policy'
import type {
  AccountMembership,
  CampaignGroup,
  CreateGroupResult,
  Member,
  MemberStore,
  MemberWrites,
  StoredCoalitionMembership,
  StoredGroup,
} from '../MemberStore'
import { membershipColumns, toMembership, type MembershipColumns } from '../sqlite/membershipRow'
import type { PgQueryable } from './storeTransaction'

interface MemberRow extends MembershipColumns {
  account_id: string
  username: string
  display_name: string
}

interface AccountMembershipRow extends MembershipColumns {
  negotiation_id: string
  negotiation_name: string
  group_name: string | null
}

/** Sets a membership (adds or replaces it), keeping when it was first made; shared with invitations. */
export async function putMembership(
  db: PgQueryable,
  negotiationId: string,
  accountId: string,
  membership: Membership,
  at: string,
): Promise<void> {
  const [role, actorId, groupId] = membershipColumns(membership)
  await db.query(
    `INSERT INTO memberships (negotiation_id, account_id, role, actor_id, group_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (negotiation_id, account_id) DO UPDATE SET
       role = excluded.role, actor_id = excluded.actor_id, group_id = excluded.group_id`,
    [negotiationId, accountId, role, actorId, groupId, at],
  )
}

/** Memberships, groups and coalition members in PostgreSQL (reads and `MemberWrites`). */
export class PgMemberStore implements MemberStore, MemberWrites {
  constructor(private readonly db: PgQueryable) {}

  /** The same object: its writes are the ones `storage.atomically` hands out. */
  get writes(): MemberWrites {
    return this
  }

  /** An account's membership in a negotiation, or null. */
  async get(negotiationId: string, accountId: string): Promise<Membership | null> {
    const { rows } = await this.db.query<MembershipColumns>(
      `SELECT role, actor_id, group_id FROM memberships
       WHERE negotiation_id = $1 AND account_id = $2`,
      [negotiationId, accountId],
    )
    return rows[0] ? toMembership(rows[0]) : null
  }

  /** Every membership of an account, oldest negotiation first, with negotiation and group names. */
  async listForAccount(accountId: string): Promise<AccountMembership[]> {
    const { rows } = await this.db.query<AccountMembershipRow>(
      `SELECT m.negotiation_id, n.name AS negotiation_name, m.role, m.actor_id, m.group_id,
              g.name AS group_name
       FROM memberships m
       JOIN negotiations n ON n.id = m.negotiation_id
       LEFT JOIN campaign_groups g ON g.negotiation_id = m.negotiation_id AND g.id = m.group_id
       WHERE m.account_id = $1 ORDER BY n.created_at COLLATE "C", n.id COLLATE "C"`,
      [accountId],
    )
    return rows.map((row) => ({
      negotiationId: row.negotiation_id,
      negotiationName: row.negotiation_name,
      membership: toMembership(row),
      ...(row.group_name === null ? {} : { groupName: row.group_name }),
    }))
  }

  /**
   * The members of a negotiation by username, ignoring the case of ASCII letters as SQLite's
   * NOCASE column does (lower() under "C" folds only those).
   */
  async listMembers(negotiationId: string): Promise<Member[]> {
    const { rows } = await this.db.query<MemberRow>(
      `SELECT m.account_id, a.username, a.display_name, m.role, m.actor_id, m.group_id
       FROM memberships m JOIN accounts a ON a.id = m.account_id
       WHERE m.negotiation_id = $1 ORDER BY lower(a.username COLLATE "C")`,
      [negotiationId],
    )
    return rows.map((row) => ({
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      membership: toMembership(row),
    }))
  }

  /** Adds or replaces an account's membership in a negotiation. */
  async put(negotiationId: string, accountId: string, membership: Membership): Promise<void> {
    await putMembership(this.db, negotiationId, accountId, membership, new Date().toISOString())
  }

  /** Removes an account from a negotiation. */
  async remove(negotiationId: string, accountId: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      'DELETE FROM memberships WHERE negotiation_id = $1 AND account_id = $2',
      [negotiationId, accountId],
    )
    return (rowCount ?? 0) > 0
  }

  /** The stored groups of a negotiation, by id. */
  async listGroups(negotiationId: string): Promise<StoredGroup[]> {
    const { rows } = await this.db.query<StoredGroup>(
      `SELECT id, name, kind, source, provenance FROM campaign_groups
       WHERE negotiation_id = $1 ORDER BY id`,
      [negotiationId],
    )
    return rows
  }

  /** One stored group, or null. */
  async getGroup(negotiationId: string, groupId: string): Promise<StoredGroup | null> {
    const { rows } = await this.db.query<StoredGroup>(
      `SELECT id, name, kind, source, provenance FROM campaign_groups
       WHERE negotiation_id = $1 AND id = $2`,
      [negotiationId, groupId],
    )
    return rows[0] ?? null
  }

  /** Creates a group unless its id is taken in the negotiation. */
  async createGroup(negotiationId: string, group: CampaignGroup): Promise<CreateGroupResult> {
    const { rowCount } = await this.db.query(
      `INSERT INTO campaign_groups (negotiation_id, id, name, kind, source, provenance)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        negotiationId,
        group.id,
        group.name,
        group.kind ?? 'campaign',
        group.source ?? '',
        group.provenance ?? 'recorded',
      ],
    )
    return (rowCount ?? 0) > 0 ? { ok: true, group } : { ok: false, reason: 'id-taken' }
  }

  /** Every coalition's membership lists, by coalition, then as they were set. */
  async listCoalitionMembers(negotiationId: string): Promise<StoredCoalitionMembership[]> {
    const { rows } = await this.db.query<{ group_id: string; round_id: string; actor_ids: string }>(
      `SELECT group_id, round_id, actor_ids FROM coalition_members
       WHERE negotiation_id = $1 ORDER BY group_id, set_at, round_id`,
      [negotiationId],
    )
    return rows.map((row) => ({
      groupId: row.group_id,
      roundId: row.round_id === '' ? null : row.round_id,
      actorIds: JSON.parse(row.actor_ids) as string[],
    }))
  }

  /** Sets a coalition's members from a round on ('' stands for "from the start"). */
  async setCoalitionMembers(
    negotiationId: string,
    groupId: string,
    roundId: string | null,
    actorIds: string[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO coalition_members (negotiation_id, group_id, round_id, actor_ids, set_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (negotiation_id, group_id, round_id) DO UPDATE SET
         actor_ids = excluded.actor_ids, set_at = excluded.set_at`,
      [negotiationId, groupId, roundId ?? '', JSON.stringify(actorIds), new Date().toISOString()],
    )
  }
}
