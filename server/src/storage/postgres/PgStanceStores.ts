import type { Pool, PoolClient } from 'pg'
import type {
  CampaignAction,
  CampaignActionKind,
  Declaration,
  Endorsement,
  Issue,
  Paper,
  PaperVersion,
  Provenance,
  RecordKey,
  ReportedCount,
  RoundCount,
  RoundCountKind,
  Statement,
  StatementStance,
  TargetList,
  TreatyAction,
  TreatyStatus,
} from '../../../../shared/domain/stances/types'
import type {
  CampaignStore,
  CampaignWrites,
  DeclarationStore,
  DeclarationWrites,
  IssueStore,
  IssueWrites,
} from '../StanceStore'

/**
 * Issues, statements, papers, declarations and campaign lists in PostgreSQL (schema/stances.ts),
 * mirroring SqliteStanceStores.ts: the same orders (ties broken as SQLite breaks them), nulls,
 * JSON written and read as text, timestamps as the ISO strings given. Each store runs on the pool
 * or, inside `atomically`, on the transaction's client.
 */
type Db = Pool | PoolClient

interface IssueRow {
  negotiation_id: string
  id: string
  parent_id: string | null
  title: string
  description: string
  article_ids: string
  bracket_ids: string
  proposal_ids: string
  position: number
  source: string
  provenance: Provenance
  created_at: string
}

const toIssue = (r: IssueRow): Issue => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  parentId: r.parent_id,
  title: r.title,
  description: r.description,
  articleIds: JSON.parse(r.article_ids) as string[],
  bracketIds: JSON.parse(r.bracket_ids) as string[],
  proposalIds: JSON.parse(r.proposal_ids) as string[],
  order: r.position,
  source: r.source,
  provenance: r.provenance,
  createdAt: r.created_at,
})

interface StatementRow {
  negotiation_id: string
  id: string
  target_kind: 'issue' | 'proposal'
  target_id: string
  actor_id: string
  stance: StatementStance
  round_id: string | null
  said_on: string | null
  source: string
  quote: string
  provenance: Provenance
  record_key: string
  recorded_at: string
  recorded_by: string
  published_at: string | null
}

const toStatement = (r: StatementRow): Statement => {
  const record = r.record_key as RecordKey
  return {
    id: r.id,
    negotiationId: r.negotiation_id,
    target:
      r.target_kind === 'issue'
        ? { kind: 'issue', issueId: r.target_id }
        : { kind: 'proposal', proposalId: r.target_id },
    actorId: r.actor_id,
    stance: r.stance,
    roundId: r.round_id,
    date: r.said_on,
    source: r.source,
    quote: r.quote,
    provenance: r.provenance,
    record,
    published: !record.startsWith('group:') || r.published_at !== null,
    publishedAt: r.published_at,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }
}

const STATEMENT_SELECT = `SELECT s.negotiation_id, s.id, s.target_kind, s.target_id, s.actor_id,
  s.stance, s.round_id, s.said_on, s.source, s.quote, s.provenance, s.record_key, s.recorded_at,
  s.recorded_by, p.published_at
  FROM statements s LEFT JOIN statement_publications p ON p.statement_id = s.id`

interface PaperRow {
  negotiation_id: string
  id: string
  issue_id: string
  group_id: string | null
  published: boolean
  provenance: Provenance
  source: string
  /** The paper's versions, oldest first, aggregated by the same statement (one snapshot). */
  versions: { version: number; title: string; body: string; at: string; by_name: string }[]
}

// A paper with its versions as a JSON array, so that a list is one statement, not one per paper.
const PAPER_SELECT = `SELECT p.negotiation_id, p.id, p.issue_id, p.group_id, p.published,
    p.provenance, p.source,
    COALESCE((SELECT json_agg(json_build_object('version', v.version, 'title', v.title,
        'body', v.body, 'at', v.at, 'by_name', v.by_name) ORDER BY v.version)
      FROM paper_versions v
      WHERE v.negotiation_id = p.negotiation_id AND v.paper_id = p.id), '[]') AS versions
  FROM papers p`

const toPaper = (p: PaperRow): Paper => ({
  id: p.id,
  negotiationId: p.negotiation_id,
  issueId: p.issue_id,
  groupId: p.group_id,
  published: p.published,
  provenance: p.provenance,
  source: p.source,
  versions: p.versions.map((v): PaperVersion => ({
    version: v.version,
    title: v.title,
    body: v.body,
    at: v.at,
    byName: v.by_name,
  })),
})

/** Issues, statements and papers in PostgreSQL (statements and paper versions append-only). */
export class PgIssueStore implements IssueStore, IssueWrites {
  constructor(private readonly db: Db) {}

  async list(negotiationId: string): Promise<Issue[]> {
    const { rows } = await this.db.query<IssueRow>(
      'SELECT * FROM issues WHERE negotiation_id = $1 ORDER BY position, id',
      [negotiationId],
    )
    const issues = rows.map(toIssue)
    // Parents before children, siblings in order (as the SQLite store walks them).
    const ids = new Set(issues.map((i) => i.id))
    const byParent = new Map<string | null, Issue[]>()
    for (const i of issues) {
      const key = i.parentId && ids.has(i.parentId) ? i.parentId : null
      byParent.set(key, [...(byParent.get(key) ?? []), i])
    }
    const out: Issue[] = []
    const walk = (parent: string | null, depth: number) => {
      if (depth > 20) return
      for (const i of byParent.get(parent) ?? []) {
        out.push(i)
        walk(i.id, depth + 1)
      }
    }
    walk(null, 0)
    return out
  }

  async get(negotiationId: string, issueId: string): Promise<Issue | null> {
    const { rows } = await this.db.query<IssueRow>(
      'SELECT * FROM issues WHERE negotiation_id = $1 AND id = $2',
      [negotiationId, issueId],
    )
    return rows[0] ? toIssue(rows[0]) : null
  }

  async listStatements(negotiationId: string, records?: readonly string[]): Promise<Statement[]> {
    if (records && records.length === 0) return []
    const { rows } = records
      ? await this.db.query<StatementRow>(
          `${STATEMENT_SELECT} WHERE s.negotiation_id = $1 AND s.record_key = ANY($2::text[])
           ORDER BY s.seq`,
          [negotiationId, [...records]],
        )
      : await this.db.query<StatementRow>(
          `${STATEMENT_SELECT} WHERE s.negotiation_id = $1 ORDER BY s.seq`,
          [negotiationId],
        )
    return rows.map(toStatement)
  }

  async getStatement(negotiationId: string, statementId: string): Promise<Statement | null> {
    const { rows } = await this.db.query<StatementRow>(
      `${STATEMENT_SELECT} WHERE s.negotiation_id = $1 AND s.id = $2`,
      [negotiationId, statementId],
    )
    return rows[0] ? toStatement(rows[0]) : null
  }

  async countStatements(negotiationId: string, record: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM statements WHERE negotiation_id = $1 AND record_key = $2',
      [negotiationId, record],
    )
    return rows[0]?.n ?? 0
  }

  async listPapers(negotiationId: string, issueId?: string): Promise<Paper[]> {
    const { rows } = issueId
      ? await this.db.query<PaperRow>(
          `${PAPER_SELECT} WHERE p.negotiation_id = $1 AND p.issue_id = $2 ORDER BY p.id`,
          [negotiationId, issueId],
        )
      : await this.db.query<PaperRow>(`${PAPER_SELECT} WHERE p.negotiation_id = $1 ORDER BY p.id`, [
          negotiationId,
        ])
    return rows.map(toPaper)
  }

  async getPaper(negotiationId: string, paperId: string): Promise<Paper | null> {
    const { rows } = await this.db.query<PaperRow>(
      `${PAPER_SELECT} WHERE p.negotiation_id = $1 AND p.id = $2`,
      [negotiationId, paperId],
    )
    return rows[0] ? toPaper(rows[0]) : null
  }

  async putIssue(i: Issue): Promise<void> {
    await this.db.query(
      `INSERT INTO issues (negotiation_id, id, parent_id, title, description,
         article_ids, bracket_ids, proposal_ids, position, source, provenance, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (negotiation_id, id) DO UPDATE SET parent_id = EXCLUDED.parent_id,
         title = EXCLUDED.title, description = EXCLUDED.description,
         article_ids = EXCLUDED.article_ids, bracket_ids = EXCLUDED.bracket_ids,
         proposal_ids = EXCLUDED.proposal_ids, position = EXCLUDED.position,
         source = EXCLUDED.source, provenance = EXCLUDED.provenance,
         created_at = EXCLUDED.created_at`,
      [
        i.negotiationId,
        i.id,
        i.parentId,
        i.title,
        i.description,
        JSON.stringify(i.articleIds),
        JSON.stringify(i.bracketIds),
        JSON.stringify(i.proposalIds),
        i.order,
        i.source,
        i.provenance,
        i.createdAt,
      ],
    )
  }

  async addStatement(s: Statement): Promise<void> {
    await this.db.query(
      `INSERT INTO statements (negotiation_id, id, target_kind, target_id, actor_id, stance,
         round_id, said_on, source, quote, provenance, record_key, recorded_at, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        s.negotiationId,
        s.id,
        s.target.kind,
        s.target.kind === 'issue' ? s.target.issueId : s.target.proposalId,
        s.actorId,
        s.stance,
        s.roundId,
        s.date,
        s.source,
        s.quote,
        s.provenance,
        s.record,
        s.recordedAt,
        s.recordedBy,
      ],
    )
  }

  async publishStatement(
    negotiationId: string,
    statementId: string,
    at: string,
    byName: string,
  ): Promise<void> {
    // Only a statement of this negotiation; a second publication keeps the first (append-only).
    const { rowCount } = await this.db.query(
      `INSERT INTO statement_publications (statement_id, published_at, by_name)
       SELECT id, $3, $4 FROM statements WHERE negotiation_id = $1 AND id = $2
       ON CONFLICT (statement_id) DO NOTHING`,
      [negotiationId, statementId, at, byName],
    )
    if (rowCount === 0) {
      const { rows } = await this.db.query(
        'SELECT 1 FROM statements WHERE negotiation_id = $1 AND id = $2',
        [negotiationId, statementId],
      )
      if (rows.length === 0) throw new Error(`no statement ${statementId} in ${negotiationId}`)
    }
  }

  async putPaper(p: Omit<Paper, 'versions'>): Promise<void> {
    await this.db.query(
      `INSERT INTO papers (negotiation_id, id, issue_id, group_id, published, provenance, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (negotiation_id, id) DO UPDATE SET issue_id = EXCLUDED.issue_id,
         group_id = EXCLUDED.group_id, published = EXCLUDED.published,
         provenance = EXCLUDED.provenance, source = EXCLUDED.source`,
      [p.negotiationId, p.id, p.issueId, p.groupId, p.published, p.provenance, p.source],
    )
  }

  async addPaperVersion(negotiationId: string, paperId: string, v: PaperVersion): Promise<void> {
    await this.db.query(
      `INSERT INTO paper_versions (negotiation_id, paper_id, version, title, body, at, by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [negotiationId, paperId, v.version, v.title, v.body, v.at, v.byName],
    )
  }
}

interface DeclarationRow {
  negotiation_id: string
  id: string
  title: string
  round_id: string | null
  adopted_on: string | null
  source: string
  reported_counts: string
}

interface EndorsementRow {
  negotiation_id: string
  declaration_id: string
  actor_id: string
  endorsed_on: string | null
  source: string
  provenance: Provenance
}

interface StatusRow {
  negotiation_id: string
  actor_id: string
  signature: string | null
  action_date: string | null
  action: TreatyAction | null
  provisional_application: string | null
  declarations: string
  source: string
}

/** Declarations, endorsements, round counts and treaty status in PostgreSQL. */
export class PgDeclarationStore implements DeclarationStore, DeclarationWrites {
  constructor(private readonly db: Db) {}

  async list(negotiationId: string): Promise<Declaration[]> {
    // SQLite sorts NULL before any value: a declaration not yet adopted comes first.
    const { rows } = await this.db.query<DeclarationRow>(
      `SELECT * FROM declarations WHERE negotiation_id = $1
       ORDER BY adopted_on NULLS FIRST, id`,
      [negotiationId],
    )
    return rows.map((r) => ({
      id: r.id,
      negotiationId: r.negotiation_id,
      title: r.title,
      roundId: r.round_id,
      adoptedOn: r.adopted_on,
      source: r.source,
      reportedCounts: JSON.parse(r.reported_counts) as ReportedCount[],
    }))
  }

  async listEndorsements(negotiationId: string, declarationId?: string): Promise<Endorsement[]> {
    const { rows } = declarationId
      ? await this.db.query<EndorsementRow>(
          `SELECT * FROM endorsements WHERE negotiation_id = $1 AND declaration_id = $2
           ORDER BY actor_id`,
          [negotiationId, declarationId],
        )
      : await this.db.query<EndorsementRow>(
          `SELECT * FROM endorsements WHERE negotiation_id = $1
           ORDER BY declaration_id, actor_id`,
          [negotiationId],
        )
    return rows.map((r) => ({
      negotiationId: r.negotiation_id,
      declarationId: r.declaration_id,
      actorId: r.actor_id,
      date: r.endorsed_on,
      source: r.source,
      provenance: r.provenance,
    }))
  }

  async listTreatyStatus(negotiationId: string): Promise<TreatyStatus[]> {
    const { rows } = await this.db.query<StatusRow>(
      'SELECT * FROM treaty_status WHERE negotiation_id = $1 ORDER BY actor_id',
      [negotiationId],
    )
    return rows.map((r) => ({
      negotiationId: r.negotiation_id,
      actorId: r.actor_id,
      signature: r.signature,
      actionDate: r.action_date,
      action: r.action,
      provisionalApplication: r.provisional_application,
      declarations: r.declarations,
      source: r.source,
    }))
  }

  async listRoundCounts(negotiationId: string): Promise<RoundCount[]> {
    const { rows } = await this.db.query<{
      round_id: string
      kind: RoundCountKind
      count: number
      as_of: string | null
      note: string
      source: string
    }>(
      `SELECT round_id, kind, count, as_of, note, source FROM round_counts
       WHERE negotiation_id = $1 ORDER BY seq`,
      [negotiationId],
    )
    return rows.map((r) => ({
      negotiationId,
      roundId: r.round_id,
      kind: r.kind,
      count: r.count,
      asOf: r.as_of,
      note: r.note,
      source: r.source,
    }))
  }

  async addRoundCount(c: RoundCount): Promise<void> {
    await this.db.query(
      `INSERT INTO round_counts (negotiation_id, round_id, kind, count, as_of, note, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [c.negotiationId, c.roundId, c.kind, c.count, c.asOf, c.note, c.source],
    )
  }

  async putDeclaration(d: Declaration): Promise<void> {
    await this.db.query(
      `INSERT INTO declarations (negotiation_id, id, title, round_id, adopted_on, source,
         reported_counts) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (negotiation_id, id) DO UPDATE SET title = EXCLUDED.title,
         round_id = EXCLUDED.round_id, adopted_on = EXCLUDED.adopted_on,
         source = EXCLUDED.source, reported_counts = EXCLUDED.reported_counts`,
      [
        d.negotiationId,
        d.id,
        d.title,
        d.roundId,
        d.adoptedOn,
        d.source,
        JSON.stringify(d.reportedCounts),
      ],
    )
  }

  async putEndorsement(e: Endorsement): Promise<void> {
    await this.db.query(
      `INSERT INTO endorsements (negotiation_id, declaration_id, actor_id, endorsed_on, source,
         provenance) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (negotiation_id, declaration_id, actor_id) DO UPDATE SET
         endorsed_on = EXCLUDED.endorsed_on, source = EXCLUDED.source,
         provenance = EXCLUDED.provenance`,
      [e.negotiationId, e.declarationId, e.actorId, e.date, e.source, e.provenance],
    )
  }

  async removeEndorsement(
    negotiationId: string,
    declarationId: string,
    actorId: string,
  ): Promise<void> {
    await this.db.query(
      `DELETE FROM endorsements
       WHERE negotiation_id = $1 AND declaration_id = $2 AND actor_id = $3`,
      [negotiationId, declarationId, actorId],
    )
  }

  /**
   * One statement, so all or nothing even on the pool: the rows not in the import are deleted
   * and the others inserted or replaced (disjoint rows, so the two parts never meet). An actor
   * twice in the import fails the whole statement, as SQLite's primary key fails its insert.
   */
  async replaceTreatyStatus(negotiationId: string, rows: readonly TreatyStatus[]): Promise<void> {
    const column = <K extends keyof TreatyStatus>(k: K) => rows.map((r) => r[k])
    await this.db.query(
      `WITH incoming AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
           $7::text[], $8::text[]) AS t (actor_id, signature, action_date, action,
           provisional_application, declarations, source)
       ), dropped AS (
         DELETE FROM treaty_status WHERE negotiation_id = $1
           AND actor_id NOT IN (SELECT actor_id FROM incoming)
       )
       INSERT INTO treaty_status (negotiation_id, actor_id, signature, action_date, action,
         provisional_application, declarations, source)
       SELECT $1, actor_id, signature, action_date, action, provisional_application,
         declarations, source FROM incoming
       ON CONFLICT (negotiation_id, actor_id) DO UPDATE SET signature = EXCLUDED.signature,
         action_date = EXCLUDED.action_date, action = EXCLUDED.action,
         provisional_application = EXCLUDED.provisional_application,
         declarations = EXCLUDED.declarations, source = EXCLUDED.source`,
      [
        negotiationId,
        column('actorId'),
        column('signature'),
        column('actionDate'),
        column('action'),
        column('provisionalApplication'),
        column('declarations'),
        column('source'),
      ],
    )
  }
}

interface TargetRow {
  negotiation_id: string
  group_id: string
  id: string
  name: string
  description: string
  source: string
  provenance: Provenance
  actor_ids: string
  position: number
}

interface ActionRow {
  negotiation_id: string
  group_id: string
  id: string
  actor_id: string
  kind: CampaignActionKind
  done_on: string
  note: string
  recorded_at: string
  recorded_by: string
}

const toTarget = (r: TargetRow): TargetList => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  groupId: r.group_id,
  name: r.name,
  description: r.description,
  source: r.source,
  provenance: r.provenance,
  actorIds: JSON.parse(r.actor_ids) as string[],
})

const toAction = (r: ActionRow): CampaignAction => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  groupId: r.group_id,
  actorId: r.actor_id,
  kind: r.kind,
  date: r.done_on,
  note: r.note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
})

/** Campaign target lists and actions in PostgreSQL. */
export class PgCampaignStore implements CampaignStore, CampaignWrites {
  constructor(private readonly db: Db) {}

  async listTargets(negotiationId: string, groupId: string): Promise<TargetList[]> {
    const { rows } = await this.db.query<TargetRow>(
      `SELECT * FROM target_lists WHERE negotiation_id = $1 AND group_id = $2
       ORDER BY position, id`,
      [negotiationId, groupId],
    )
    return rows.map(toTarget)
  }

  async getTarget(negotiationId: string, groupId: string, listId: string) {
    const { rows } = await this.db.query<TargetRow>(
      'SELECT * FROM target_lists WHERE negotiation_id = $1 AND group_id = $2 AND id = $3',
      [negotiationId, groupId, listId],
    )
    return rows[0] ? toTarget(rows[0]) : null
  }

  async listActions(
    negotiationId: string,
    groupId: string,
    actorId?: string,
  ): Promise<CampaignAction[]> {
    const { rows } = actorId
      ? await this.db.query<ActionRow>(
          `SELECT * FROM campaign_actions WHERE negotiation_id = $1 AND group_id = $2
           AND actor_id = $3 ORDER BY done_on DESC, seq DESC`,
          [negotiationId, groupId, actorId],
        )
      : await this.db.query<ActionRow>(
          `SELECT * FROM campaign_actions WHERE negotiation_id = $1 AND group_id = $2
           ORDER BY done_on DESC, seq DESC`,
          [negotiationId, groupId],
        )
    return rows.map(toAction)
  }

  /** A new list goes last (its position the group's count); a replaced one keeps its place. */
  async putTarget(l: TargetList): Promise<void> {
    await this.db.query(
      `INSERT INTO target_lists (negotiation_id, group_id, id, name, description, source,
         provenance, actor_ids, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
         (SELECT COUNT(*) FROM target_lists WHERE negotiation_id = $1 AND group_id = $2))
       ON CONFLICT (negotiation_id, group_id, id) DO UPDATE SET name = EXCLUDED.name,
         description = EXCLUDED.description, source = EXCLUDED.source,
         provenance = EXCLUDED.provenance, actor_ids = EXCLUDED.actor_ids`,
      [
        l.negotiationId,
        l.groupId,
        l.id,
        l.name,
        l.description,
        l.source,
        l.provenance,
        JSON.stringify(l.actorIds),
      ],
    )
  }

  async removeTarget(negotiationId: string, groupId: string, listId: string): Promise<void> {
    await this.db.query(
      'DELETE FROM target_lists WHERE negotiation_id = $1 AND group_id = $2 AND id = $3',
      [negotiationId, groupId, listId],
    )
  }

  async addAction(a: CampaignAction): Promise<void> {
    await this.db.query(
      `INSERT INTO campaign_actions (negotiation_id, group_id, id, actor_id, kind, done_on,
         note, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.negotiationId,
        a.groupId,
        a.id,
        a.actorId,
        a.kind,
        a.date,
        a.note,
        a.recordedAt,
        a.recordedBy,
      ],
    )
  }
}
