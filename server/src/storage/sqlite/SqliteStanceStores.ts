import type Database from 'better-sqlite3'
import type {
  CampaignAction,
  CampaignActionKind,
  Declaration,
  Endorsement,
  Issue,
  Paper,
  PaperVersion,
  Provenance,
  RoundCount,
  RoundCountKind,
  RecordKey,
  ReportedCount,
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
import type { Synchronous } from './promised'

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
  published: number
  provenance: Provenance
  source: string
}

interface PaperVersionRow {
  paper_id: string
  version: number
  title: string
  body: string
  at: string
  by_name: string
}

/** Issues, statements and papers in SQLite (statements and paper versions append-only). */
export class SqliteIssueStore implements IssueStore, Synchronous<IssueWrites> {
  constructor(private readonly db: Database.Database) {}

  async list(negotiationId: string): Promise<Issue[]> {
    const rows = this.db
      .prepare<[string], IssueRow>(
        'SELECT * FROM issues WHERE negotiation_id = ? ORDER BY position, id',
      )
      .all(negotiationId)
      .map(toIssue)
    // Parents before children, siblings in order.
    const byParent = new Map<string | null, Issue[]>()
    for (const i of rows) {
      const key = i.parentId && rows.some((p) => p.id === i.parentId) ? i.parentId : null
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
    const row = this.db
      .prepare<[string, string], IssueRow>(
        'SELECT * FROM issues WHERE negotiation_id = ? AND id = ?',
      )
      .get(negotiationId, issueId)
    return row ? toIssue(row) : null
  }

  async listStatements(negotiationId: string, records?: readonly string[]): Promise<Statement[]> {
    if (records && records.length === 0) return []
    const where = records ? ` AND s.record_key IN (${records.map(() => '?').join(', ')})` : ''
    return this.db
      .prepare<string[], StatementRow>(
        `${STATEMENT_SELECT} WHERE s.negotiation_id = ?${where} ORDER BY s.seq`,
      )
      .all(negotiationId, ...(records ?? []))
      .map(toStatement)
  }

  async getStatement(negotiationId: string, statementId: string): Promise<Statement | null> {
    const row = this.db
      .prepare<[string, string], StatementRow>(
        `${STATEMENT_SELECT} WHERE s.negotiation_id = ? AND s.id = ?`,
      )
      .get(negotiationId, statementId)
    return row ? toStatement(row) : null
  }

  async countStatements(negotiationId: string, record: string): Promise<number> {
    return (
      this.db
        .prepare<[string, string], { n: number }>(
          'SELECT COUNT(*) AS n FROM statements WHERE negotiation_id = ? AND record_key = ?',
        )
        .get(negotiationId, record)?.n ?? 0
    )
  }

  async listPapers(negotiationId: string, issueId?: string): Promise<Paper[]> {
    const papers = issueId
      ? this.db
          .prepare<[string, string], PaperRow>(
            'SELECT * FROM papers WHERE negotiation_id = ? AND issue_id = ? ORDER BY id',
          )
          .all(negotiationId, issueId)
      : this.db
          .prepare<[string], PaperRow>('SELECT * FROM papers WHERE negotiation_id = ? ORDER BY id')
          .all(negotiationId)
    return papers.map((p) => this.withVersions(p))
  }

  async getPaper(negotiationId: string, paperId: string): Promise<Paper | null> {
    const row = this.db
      .prepare<[string, string], PaperRow>(
        'SELECT * FROM papers WHERE negotiation_id = ? AND id = ?',
      )
      .get(negotiationId, paperId)
    return row ? this.withVersions(row) : null
  }

  private withVersions(p: PaperRow): Paper {
    const versions = this.db
      .prepare<[string, string], PaperVersionRow>(
        `SELECT paper_id, version, title, body, at, by_name FROM paper_versions
         WHERE negotiation_id = ? AND paper_id = ? ORDER BY version`,
      )
      .all(p.negotiation_id, p.id)
      .map((v): PaperVersion => ({
        version: v.version,
        title: v.title,
        body: v.body,
        at: v.at,
        byName: v.by_name,
      }))
    return {
      id: p.id,
      negotiationId: p.negotiation_id,
      issueId: p.issue_id,
      groupId: p.group_id,
      published: p.published === 1,
      provenance: p.provenance,
      source: p.source,
      versions,
    }
  }

  putIssue(i: Issue): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO issues (negotiation_id, id, parent_id, title, description,
           article_ids, bracket_ids, proposal_ids, position, source, provenance, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
      )
  }

  addStatement(s: Statement): void {
    this.db
      .prepare(
        `INSERT INTO statements (negotiation_id, id, target_kind, target_id, actor_id, stance,
           round_id, said_on, source, quote, provenance, record_key, recorded_at, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
      )
  }

  publishStatement(negotiationId: string, statementId: string, at: string, byName: string): void {
    const owned = this.db
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM statements WHERE negotiation_id = ? AND id = ?',
      )
      .get(negotiationId, statementId)
    if (!owned) throw new Error(`no statement ${statementId} in ${negotiationId}`)
    this.db
      .prepare(
        `INSERT OR IGNORE INTO statement_publications (statement_id, published_at, by_name)
         VALUES (?, ?, ?)`,
      )
      .run(statementId, at, byName)
  }

  putPaper(p: Omit<Paper, 'versions'>): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO papers (negotiation_id, id, issue_id, group_id, published,
           provenance, source) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.negotiationId, p.id, p.issueId, p.groupId, p.published ? 1 : 0, p.provenance, p.source)
  }

  addPaperVersion(negotiationId: string, paperId: string, v: PaperVersion): void {
    this.db
      .prepare(
        `INSERT INTO paper_versions (negotiation_id, paper_id, version, title, body, at, by_name)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(negotiationId, paperId, v.version, v.title, v.body, v.at, v.byName)
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

/** Declarations, endorsements and treaty status in SQLite. */
export class SqliteDeclarationStore implements DeclarationStore, Synchronous<DeclarationWrites> {
  constructor(private readonly db: Database.Database) {}

  async list(negotiationId: string): Promise<Declaration[]> {
    return this.db
      .prepare<[string], DeclarationRow>(
        'SELECT * FROM declarations WHERE negotiation_id = ? ORDER BY adopted_on, id',
      )
      .all(negotiationId)
      .map((r) => ({
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
    const rows = declarationId
      ? this.db
          .prepare<[string, string], EndorsementRow>(
            `SELECT * FROM endorsements WHERE negotiation_id = ? AND declaration_id = ?
             ORDER BY actor_id`,
          )
          .all(negotiationId, declarationId)
      : this.db
          .prepare<[string], EndorsementRow>(
            'SELECT * FROM endorsements WHERE negotiation_id = ? ORDER BY declaration_id, actor_id',
          )
          .all(negotiationId)
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
    return this.db
      .prepare<[string], StatusRow>(
        'SELECT * FROM treaty_status WHERE negotiation_id = ? ORDER BY actor_id',
      )
      .all(negotiationId)
      .map((r) => ({
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
    return this.db
      .prepare<
        [string],
        {
          round_id: string
          kind: RoundCountKind
          count: number
          as_of: string | null
          note: string
          source: string
        }
      >(
        `SELECT round_id, kind, count, as_of, note, source FROM round_counts
         WHERE negotiation_id = ? ORDER BY rowid`,
      )
      .all(negotiationId)
      .map((r) => ({
        negotiationId,
        roundId: r.round_id,
        kind: r.kind,
        count: r.count,
        asOf: r.as_of,
        note: r.note,
        source: r.source,
      }))
  }

  addRoundCount(c: RoundCount): void {
    this.db
      .prepare(
        `INSERT INTO round_counts (negotiation_id, round_id, kind, count, as_of, note, source)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.negotiationId, c.roundId, c.kind, c.count, c.asOf, c.note, c.source)
  }

  putDeclaration(d: Declaration): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO declarations (negotiation_id, id, title, round_id, adopted_on,
           source, reported_counts) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        d.negotiationId,
        d.id,
        d.title,
        d.roundId,
        d.adoptedOn,
        d.source,
        JSON.stringify(d.reportedCounts),
      )
  }

  putEndorsement(e: Endorsement): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO endorsements (negotiation_id, declaration_id, actor_id,
           endorsed_on, source, provenance) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(e.negotiationId, e.declarationId, e.actorId, e.date, e.source, e.provenance)
  }

  removeEndorsement(negotiationId: string, declarationId: string, actorId: string): void {
    this.db
      .prepare(
        'DELETE FROM endorsements WHERE negotiation_id = ? AND declaration_id = ? AND actor_id = ?',
      )
      .run(negotiationId, declarationId, actorId)
  }

  replaceTreatyStatus(negotiationId: string, rows: readonly TreatyStatus[]): void {
    this.db.prepare('DELETE FROM treaty_status WHERE negotiation_id = ?').run(negotiationId)
    const insert = this.db.prepare(
      `INSERT INTO treaty_status (negotiation_id, actor_id, signature, action_date, action,
         provisional_application, declarations, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const r of rows) {
      insert.run(
        negotiationId,
        r.actorId,
        r.signature,
        r.actionDate,
        r.action,
        r.provisionalApplication,
        r.declarations,
        r.source,
      )
    }
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

/** Campaign target lists and actions in SQLite. */
export class SqliteCampaignStore implements CampaignStore, Synchronous<CampaignWrites> {
  constructor(private readonly db: Database.Database) {}

  async listTargets(negotiationId: string, groupId: string): Promise<TargetList[]> {
    return this.db
      .prepare<[string, string], TargetRow>(
        `SELECT * FROM target_lists WHERE negotiation_id = ? AND group_id = ?
         ORDER BY position, id`,
      )
      .all(negotiationId, groupId)
      .map(toTarget)
  }

  async getTarget(negotiationId: string, groupId: string, listId: string) {
    const row = this.db
      .prepare<[string, string, string], TargetRow>(
        'SELECT * FROM target_lists WHERE negotiation_id = ? AND group_id = ? AND id = ?',
      )
      .get(negotiationId, groupId, listId)
    return row ? toTarget(row) : null
  }

  async listActions(
    negotiationId: string,
    groupId: string,
    actorId?: string,
  ): Promise<CampaignAction[]> {
    const rows = actorId
      ? this.db
          .prepare<[string, string, string], ActionRow>(
            `SELECT * FROM campaign_actions WHERE negotiation_id = ? AND group_id = ?
             AND actor_id = ? ORDER BY done_on DESC, seq DESC`,
          )
          .all(negotiationId, groupId, actorId)
      : this.db
          .prepare<[string, string], ActionRow>(
            `SELECT * FROM campaign_actions WHERE negotiation_id = ? AND group_id = ?
             ORDER BY done_on DESC, seq DESC`,
          )
          .all(negotiationId, groupId)
    return rows.map((r) => ({
      id: r.id,
      negotiationId: r.negotiation_id,
      groupId: r.group_id,
      actorId: r.actor_id,
      kind: r.kind,
      date: r.done_on,
      note: r.note,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    }))
  }

  putTarget(l: TargetList): void {
    const position =
      this.db
        .prepare<[string, string, string], { position: number }>(
          'SELECT position FROM target_lists WHERE negotiation_id = ? AND group_id = ? AND id = ?',
        )
        .get(l.negotiationId, l.groupId, l.id)?.position ??
      this.db
        .prepare<[string, string], { n: number }>(
          'SELECT COUNT(*) AS n FROM target_lists WHERE negotiation_id = ? AND group_id = ?',
        )
        .get(l.negotiationId, l.groupId)?.n ??
      0
    this.db
      .prepare(
        `INSERT OR REPLACE INTO target_lists (negotiation_id, group_id, id, name, description,
           source, provenance, actor_ids, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        l.negotiationId,
        l.groupId,
        l.id,
        l.name,
        l.description,
        l.source,
        l.provenance,
        JSON.stringify(l.actorIds),
        position,
      )
  }

  removeTarget(negotiationId: string, groupId: string, listId: string): void {
    this.db
      .prepare('DELETE FROM target_lists WHERE negotiation_id = ? AND group_id = ? AND id = ?')
      .run(negotiationId, groupId, listId)
  }

  addAction(a: CampaignAction): void {
    this.db
      .prepare(
        `INSERT INTO campaign_actions (negotiation_id, group_id, id, actor_id, kind, done_on,
           note, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.negotiationId,
        a.groupId,
        a.id,
        a.actorId,
        a.kind,
        a.date,
        a.note,
        a.recordedAt,
        a.recordedBy,
      )
  }
}
