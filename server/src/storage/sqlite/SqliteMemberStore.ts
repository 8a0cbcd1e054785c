import type Database from 'better-sqlite3'
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
import { membershipColumns, toMembership, type MembershipColumns } from './membershipRow'
import type { Synchronous } from './promised'
import { WriteGate } from './WriteGate'

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

/** Memberships and campaign groups in the shared SQLite database. */
export class SqliteMemberStore implements MemberStore {
  private readonly stmt

  constructor(
    db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {
    this.stmt = {
      get: db.prepare<[string, string], MembershipColumns>(
        `SELECT role, actor_id, group_id FROM memberships
         WHERE negotiation_id = ? AND account_id = ?`,
      ),
      forAccount: db.prepare<[string], AccountMembershipRow>(
        `SELECT m.negotiation_id, n.name AS negotiation_name, m.role, m.actor_id, m.group_id,
                g.name AS group_name
         FROM memberships m
         JOIN negotiations n ON n.id = m.negotiation_id
         LEFT JOIN campaign_groups g ON g.negotiation_id = m.negotiation_id AND g.id = m.group_id
         WHERE m.account_id = ? ORDER BY n.created_at, n.id`,
      ),
      members: db.prepare<[string], MemberRow>(
        `SELECT m.account_id, a.username, a.display_name, m.role, m.actor_id, m.group_id
         FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.negotiation_id = ? ORDER BY a.username`,
      ),
      put: db.prepare<[string, string, string, string | null, string | null, string]>(
        `INSERT INTO memberships (negotiation_id, account_id, role, actor_id, group_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (negotiation_id, account_id) DO UPDATE SET
           role = excluded.role, actor_id = excluded.actor_id, group_id = excluded.group_id`,
      ),
      remove: db.prepare<[string, string]>(
        'DELETE FROM memberships WHERE negotiation_id = ? AND account_id = ?',
      ),
      groups: db.prepare<[string], StoredGroup>(
        `SELECT id, name, kind, source, provenance FROM campaign_groups
         WHERE negotiation_id = ? ORDER BY id`,
      ),
      group: db.prepare<[string, string], StoredGroup>(
        `SELECT id, name, kind, source, provenance FROM campaign_groups
         WHERE negotiation_id = ? AND id = ?`,
      ),
      insertGroup: db.prepare<[string, string, string, string, string, string]>(
        `INSERT INTO campaign_groups (negotiation_id, id, name, kind, source, provenance)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      coalitionMembers: db.prepare<
        [string],
        { group_id: string; round_id: string; actor_ids: string }
      >(
        `SELECT group_id, round_id, actor_ids FROM coalition_members
         WHERE negotiation_id = ? ORDER BY group_id, set_at, round_id`,
      ),
      setCoalitionMembers: db.prepare<[string, string, string, string, string]>(
        `INSERT INTO coalition_members (negotiation_id, group_id, round_id, actor_ids, set_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (negotiation_id, group_id, round_id) DO UPDATE SET
           actor_ids = excluded.actor_ids, set_at = excluded.set_at`,
      ),
    }
  }

  /** An account's membership in a negotiation, or null. */
  async get(negotiationId: string, accountId: string): Promise<Membership | null> {
    const row = this.stmt.get.get(negotiationId, accountId)
    return row ? toMembership(row) : null
  }

  /** Every membership of an account, with negotiation and group names. */
  async listForAccount(accountId: string): Promise<AccountMembership[]> {
    return this.stmt.forAccount.all(accountId).map((row) => ({
      negotiationId: row.negotiation_id,
      negotiationName: row.negotiation_name,
      membership: toMembership(row),
      ...(row.group_name === null ? {} : { groupName: row.group_name }),
    }))
  }

  /** The members of a negotiation, by username. */
  async listMembers(negotiationId: string): Promise<Member[]> {
    return this.stmt.members.all(negotiationId).map((row) => ({
      accountId: row.account_id,
      username: row.username,
      displayName: row.display_name,
      membership: toMembership(row),
    }))
  }

  /** Adds or replaces an account's membership in a negotiation. */
  put(negotiationId: string, accountId: string, membership: Membership): Promise<void> {
    return this.gate.write(() => this.writes.put(negotiationId, accountId, membership))
  }

  /** Removes an account from a negotiation. */
  remove(negotiationId: string, accountId: string): Promise<boolean> {
    return this.gate.write(() => this.stmt.remove.run(negotiationId, accountId).changes > 0)
  }

  /** The stored groups of a negotiation. */
  async listGroups(negotiationId: string): Promise<StoredGroup[]> {
    return this.stmt.groups.all(negotiationId)
  }

  /** One stored group, or null. */
  async getGroup(negotiationId: string, groupId: string): Promise<StoredGroup | null> {
    return this.stmt.group.get(negotiationId, groupId) ?? null
  }

  /** Creates a group unless its id is taken in the negotiation. */
  createGroup(negotiationId: string, group: CampaignGroup): Promise<CreateGroupResult> {
    return this.gate.write(() => this.writes.createGroup(negotiationId, group))
  }

  /** Every coalition's membership lists. */
  async listCoalitionMembers(negotiationId: string): Promise<StoredCoalitionMembership[]> {
    return this.stmt.coalitionMembers.all(negotiationId).map((row) => ({
      groupId: row.group_id,
      roundId: row.round_id === '' ? null : row.round_id,
      actorIds: JSON.parse(row.actor_ids) as string[],
    }))
  }

  /** Sets a coalition's members from a round on. */
  setCoalitionMembers(
    negotiationId: string,
    groupId: string,
    roundId: string | null,
    actorIds: string[],
  ): Promise<void> {
    return this.gate.write(() =>
      this.writes.setCoalitionMembers(negotiationId, groupId, roundId, actorIds),
    )
  }

  /** The same writes, synchronous, for `storage.atomically`'s transaction. */
  readonly writes: Synchronous<MemberWrites> = {
    put: (negotiationId, accountId, membership) => {
      const [role, actorId, groupId] = membershipColumns(membership)
      const now = new Date().toISOString()
      this.stmt.put.run(negotiationId, accountId, role, actorId, groupId, now)
    },
    createGroup: (negotiationId, group) => {
      const { changes } = this.stmt.insertGroup.run(
        negotiationId,
        group.id,
        group.name,
        group.kind ?? 'campaign',
        group.source ?? '',
        group.provenance ?? 'recorded',
      )
      return changes > 0 ? { ok: true, group } : { ok: false, reason: 'id-taken' }
    },
    setCoalitionMembers: (negotiationId, groupId, roundId, actorIds) => {
      const at = new Date().toISOString()
      this.stmt.setCoalitionMembers.run(
        negotiationId,
        groupId,
        roundId ?? '',
        JSON.stringify(actorIds),
        at,
      )
    },
  }
}
