import type Database from 'better-sqlite3'
import type {
  Anchor,
  Position,
  Proposal,
  ProposalParams,
  ProposalStatus,
  Stance,
  StatusChange,
} from '../../../../shared/domain/proposals/types'
import type { Provenance, RecordKey } from '../../../../shared/domain/stances/types'
import type { ProposalStore, ProposalWrites } from '../ProposalStore'
import type { Synchronous } from './promised'

interface ProposalRow {
  negotiation_id: string
  id: string
  params: string
  title: string
  sponsors: string
  co_sponsors: string
  article_id: string | null
  anchor: string | null
  wording: string | null
  wording_text: string
  rationale: string
  status: string
  tabled_seq: number | null
  created_at: string
  created_by: string
  synthetic: number
  coalition_id: string | null
}

interface ChangeRow {
  proposal_id: string
  from_status: string | null
  to_status: string
  by_account_id: string
  by_name: string
  actor_id: string | null
  at: string
  round_id: string | null
  deferred_to: string | null
  note: string | null
}

interface PositionRow {
  id: string
  proposal_id: string
  actor_id: string
  stance: string
  round_id: string | null
  source: string
  quote: string
  recorded_at: string
  recorded_by: string
  synthetic: number
  provenance: string | null
  record_key: string | null
}

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text))

const toProposal = (row: ProposalRow, history: StatusChange[]): Proposal => ({
  id: row.id,
  negotiationId: row.negotiation_id,
  params: json(row.params) as ProposalParams,
  title: row.title,
  sponsors: json(row.sponsors) as string[],
  coSponsors: json(row.co_sponsors) as string[],
  articleId: row.article_id,
  anchor: json(row.anchor) as Anchor | null,
  wording: json(row.wording),
  wordingText: row.wording_text,
  rationale: row.rationale,
  status: row.status as ProposalStatus,
  tabledSeq: row.tabled_seq,
  createdAt: row.created_at,
  createdBy: row.created_by,
  history,
  ...(row.synthetic === 1 ? { synthetic: true } : {}),
  ...(row.coalition_id === null ? {} : { coalitionId: row.coalition_id }),
})

const toChange = (row: ChangeRow): StatusChange => ({
  from: row.from_status as ProposalStatus | null,
  to: row.to_status as ProposalStatus,
  byAccountId: row.by_account_id,
  byName: row.by_name,
  actorId: row.actor_id,
  at: row.at,
  roundId: row.round_id,
  ...(row.deferred_to === null ? {} : { deferredTo: row.deferred_to }),
  ...(row.note === null ? {} : { note: row.note }),
})

const toPosition = (row: PositionRow): Position => ({
  id: row.id,
  proposalId: row.proposal_id,
  actorId: row.actor_id,
  stance: row.stance as Stance,
  roundId: row.round_id,
  source: row.source,
  quote: row.quote,
  recordedAt: row.recorded_at,
  recordedBy: row.recorded_by,
  ...(row.synthetic === 1 ? { synthetic: true } : {}),
  ...(row.provenance ? { provenance: row.provenance as Provenance } : {}),
  ...(row.record_key ? { record: row.record_key as RecordKey } : {}),
})

/** Proposals, their status changes and positions in the SQLite database. */
export class SqliteProposalStore implements ProposalStore, Synchronous<ProposalWrites> {
  private readonly stmt

  constructor(private readonly db: Database.Database) {
    const changeColumns = `proposal_id, from_status, to_status, by_account_id, by_name, actor_id,
      at, round_id, deferred_to, note`
    const positionColumns = `id, proposal_id, actor_id, stance, round_id, source, quote,
      recorded_at, recorded_by, synthetic, provenance, record_key`
    this.stmt = {
      list: db.prepare<[string], ProposalRow>(
        'SELECT * FROM proposals WHERE negotiation_id = ? ORDER BY created_at, id',
      ),
      get: db.prepare<[string, string], ProposalRow>(
        'SELECT * FROM proposals WHERE negotiation_id = ? AND id = ?',
      ),
      changes: db.prepare<[string], ChangeRow>(
        `SELECT ${changeColumns} FROM proposal_status_changes WHERE negotiation_id = ?
         ORDER BY seq`,
      ),
      changesOf: db.prepare<[string, string], ChangeRow>(
        `SELECT ${changeColumns} FROM proposal_status_changes
         WHERE negotiation_id = ? AND proposal_id = ? ORDER BY seq`,
      ),
      positions: db.prepare<[string], PositionRow>(
        `SELECT ${positionColumns} FROM positions WHERE negotiation_id = ? ORDER BY seq`,
      ),
      positionsOf: db.prepare<[string, string], PositionRow>(
        `SELECT ${positionColumns} FROM positions WHERE negotiation_id = ? AND proposal_id = ?
         ORDER BY seq`,
      ),
      maxSeq: db.prepare<[string], { n: number | null }>(
        'SELECT MAX(tabled_seq) AS n FROM proposals WHERE negotiation_id = ?',
      ),
      put: db.prepare(
        `INSERT INTO proposals (negotiation_id, id, kind, params, title, sponsors, co_sponsors,
           article_id, anchor, wording, wording_text, rationale, status, tabled_seq, created_at,
           created_by, synthetic, coalition_id)
         VALUES (@negotiation_id, @id, @kind, @params, @title, @sponsors, @co_sponsors,
           @article_id, @anchor, @wording, @wording_text, @rationale, @status, @tabled_seq,
           @created_at, @created_by, @synthetic, @coalition_id)
         ON CONFLICT (negotiation_id, id) DO UPDATE SET kind = excluded.kind,
           params = excluded.params, title = excluded.title, sponsors = excluded.sponsors,
           co_sponsors = excluded.co_sponsors, article_id = excluded.article_id,
           anchor = excluded.anchor, wording = excluded.wording,
           wording_text = excluded.wording_text, rationale = excluded.rationale,
           status = excluded.status, tabled_seq = excluded.tabled_seq,
           coalition_id = excluded.coalition_id`,
      ),
      addChange: db.prepare(
        `INSERT INTO proposal_status_changes (negotiation_id, ${changeColumns})
         VALUES (@negotiation_id, @proposal_id, @from_status, @to_status, @by_account_id,
           @by_name, @actor_id, @at, @round_id, @deferred_to, @note)`,
      ),
      addPosition: db.prepare(
        `INSERT INTO positions (negotiation_id, ${positionColumns})
         VALUES (@negotiation_id, @id, @proposal_id, @actor_id, @stance, @round_id, @source,
           @quote, @recorded_at, @recorded_by, @synthetic, @provenance, @record_key)`,
      ),
    }
  }

  /** Every proposal of a negotiation with its history, in one read transaction. */
  async list(negotiationId: string): Promise<Proposal[]> {
    return this.db.transaction(() => {
      const history = new Map<string, StatusChange[]>()
      for (const row of this.stmt.changes.all(negotiationId)) {
        const list = history.get(row.proposal_id) ?? []
        list.push(toChange(row))
        history.set(row.proposal_id, list)
      }
      return this.stmt.list.all(negotiationId).map((r) => toProposal(r, history.get(r.id) ?? []))
    })()
  }

  /** One proposal with its history. */
  async get(negotiationId: string, proposalId: string): Promise<Proposal | null> {
    return this.db.transaction(() => {
      const row = this.stmt.get.get(negotiationId, proposalId)
      if (!row) return null
      return toProposal(row, this.stmt.changesOf.all(negotiationId, proposalId).map(toChange))
    })()
  }

  /** Positions in the order recorded. */
  async listPositions(negotiationId: string, proposalId?: string): Promise<Position[]> {
    const rows =
      proposalId === undefined
        ? this.stmt.positions.all(negotiationId)
        : this.stmt.positionsOf.all(negotiationId, proposalId)
    return rows.map(toPosition)
  }

  /** MAX(tabled_seq), or 0. */
  async maxTabledSeq(negotiationId: string): Promise<number> {
    return this.stmt.maxSeq.get(negotiationId)?.n ?? 0
  }

  /** Upserts the proposal's row (inside `atomically`). */
  put(p: Proposal): void {
    this.stmt.put.run({
      negotiation_id: p.negotiationId,
      id: p.id,
      kind: p.params.kind,
      params: JSON.stringify(p.params),
      title: p.title,
      sponsors: JSON.stringify(p.sponsors),
      co_sponsors: JSON.stringify(p.coSponsors),
      article_id: p.articleId,
      anchor: p.anchor === null ? null : JSON.stringify(p.anchor),
      wording: p.wording === null ? null : JSON.stringify(p.wording),
      wording_text: p.wordingText,
      rationale: p.rationale,
      status: p.status,
      tabled_seq: p.tabledSeq,
      created_at: p.createdAt,
      created_by: p.createdBy,
      synthetic: p.synthetic ? 1 : 0,
      coalition_id: p.coalitionId ?? null,
    })
  }

  /** Appends a status change (inside `atomically`). */
  addStatusChange(negotiationId: string, proposalId: string, c: StatusChange): void {
    this.stmt.addChange.run({
      negotiation_id: negotiationId,
      proposal_id: proposalId,
      from_status: c.from,
      to_status: c.to,
      by_account_id: c.byAccountId,
      by_name: c.byName,
      actor_id: c.actorId,
      at: c.at,
      round_id: c.roundId,
      deferred_to: c.deferredTo ?? null,
      note: c.note ?? null,
    })
  }

  /** Appends a position (inside `atomically`). */
  addPosition(negotiationId: string, p: Position): void {
    this.stmt.addPosition.run({
      negotiation_id: negotiationId,
      id: p.id,
      proposal_id: p.proposalId,
      actor_id: p.actorId,
      stance: p.stance,
      round_id: p.roundId,
      source: p.source,
      quote: p.quote,
      recorded_at: p.recordedAt,
      recorded_by: p.recordedBy,
      synthetic: p.synthetic ? 1 : 0,
      provenance: p.provenance ?? null,
      record_key: p.record ?? null,
    })
  }
}
