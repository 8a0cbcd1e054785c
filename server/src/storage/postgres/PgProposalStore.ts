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
import type { PgQueryable } from './storeTransaction'

interface ChangeRow {
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
  synthetic: boolean
  coalition_id: string | null
  /** The status changes in order, aggregated by the same statement (one snapshot). */
  history: ChangeRow[]
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
  synthetic: boolean
  provenance: string | null
  record_key: string | null
}

const json = (text: string | null): unknown => (text === null ? null : JSON.parse(text))

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

const toProposal = (row: ProposalRow): Proposal => ({
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
  history: row.history.map(toChange),
  ...(row.synthetic ? { synthetic: true } : {}),
  ...(row.coalition_id === null ? {} : { coalitionId: row.coalition_id }),
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
  ...(row.synthetic ? { synthetic: true } : {}),
  ...(row.provenance ? { provenance: row.provenance as Provenance } : {}),
  ...(row.record_key ? { record: row.record_key as RecordKey } : {}),
})

// The proposal's columns and its history as a JSON array, oldest change first.
const PROPOSAL_SELECT = `SELECT p.negotiation_id, p.id, p.params, p.title, p.sponsors,
    p.co_sponsors, p.article_id, p.anchor, p.wording, p.wording_text, p.rationale, p.status,
    p.tabled_seq, p.created_at, p.created_by, p.synthetic, p.coalition_id,
    COALESCE((SELECT json_agg(json_build_object('from_status', c.from_status,
        'to_status', c.to_status, 'by_account_id', c.by_account_id, 'by_name', c.by_name,
        'actor_id', c.actor_id, 'at', c.at, 'round_id', c.round_id,
        'deferred_to', c.deferred_to, 'note', c.note) ORDER BY c.seq)
      FROM proposal_status_changes c
      WHERE c.negotiation_id = p.negotiation_id AND c.proposal_id = p.id), '[]') AS history
  FROM proposals p`

const POSITION_COLUMNS = `id, proposal_id, actor_id, stance, round_id, source, quote,
  recorded_at, recorded_by, synthetic, provenance, record_key`

/** Proposals, their status changes and positions in PostgreSQL (reads and `ProposalWrites`). */
export class PgProposalStore implements ProposalStore, ProposalWrites {
  constructor(private readonly db: PgQueryable) {}

  /** Every proposal of a negotiation with its history, read in one statement. */
  async list(negotiationId: string): Promise<Proposal[]> {
    const { rows } = await this.db.query<ProposalRow>(
      `${PROPOSAL_SELECT} WHERE p.negotiation_id = $1 ORDER BY p.created_at, p.id`,
      [negotiationId],
    )
    return rows.map(toProposal)
  }

  /** One proposal with its history. */
  async get(negotiationId: string, proposalId: string): Promise<Proposal | null> {
    const { rows } = await this.db.query<ProposalRow>(
      `${PROPOSAL_SELECT} WHERE p.negotiation_id = $1 AND p.id = $2`,
      [negotiationId, proposalId],
    )
    return rows[0] ? toProposal(rows[0]) : null
  }

  /** Positions in the order recorded. */
  async listPositions(negotiationId: string, proposalId?: string): Promise<Position[]> {
    const { rows } =
      proposalId === undefined
        ? await this.db.query<PositionRow>(
            `SELECT ${POSITION_COLUMNS} FROM positions WHERE negotiation_id = $1 ORDER BY seq`,
            [negotiationId],
          )
        : await this.db.query<PositionRow>(
            `SELECT ${POSITION_COLUMNS} FROM positions
             WHERE negotiation_id = $1 AND proposal_id = $2 ORDER BY seq`,
            [negotiationId, proposalId],
          )
    return rows.map(toPosition)
  }

  /** MAX(tabled_seq), or 0. */
  async maxTabledSeq(negotiationId: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number | null }>(
      'SELECT MAX(tabled_seq) AS n FROM proposals WHERE negotiation_id = $1',
      [negotiationId],
    )
    return rows[0]?.n ?? 0
  }

  /** Upserts the proposal's row (its created_at and created_by stay as first written). */
  async put(p: Proposal): Promise<void> {
    await this.db.query(
      `INSERT INTO proposals (negotiation_id, id, kind, params, title, sponsors, co_sponsors,
         article_id, anchor, wording, wording_text, rationale, status, tabled_seq, created_at,
         created_by, synthetic, coalition_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT (negotiation_id, id) DO UPDATE SET kind = excluded.kind,
         params = excluded.params, title = excluded.title, sponsors = excluded.sponsors,
         co_sponsors = excluded.co_sponsors, article_id = excluded.article_id,
         anchor = excluded.anchor, wording = excluded.wording,
         wording_text = excluded.wording_text, rationale = excluded.rationale,
         status = excluded.status, tabled_seq = excluded.tabled_seq,
         coalition_id = excluded.coalition_id`,
      [
        p.negotiationId,
        p.id,
        p.params.kind,
        JSON.stringify(p.params),
        p.title,
        JSON.stringify(p.sponsors),
        JSON.stringify(p.coSponsors),
        p.articleId,
        p.anchor === null ? null : JSON.stringify(p.anchor),
        p.wording === null ? null : JSON.stringify(p.wording),
        p.wordingText,
        p.rationale,
        p.status,
        p.tabledSeq,
        p.createdAt,
        p.createdBy,
        !!p.synthetic,
        p.coalitionId ?? null,
      ],
    )
  }

  /** Appends a status change. */
  async addStatusChange(negotiationId: string, proposalId: string, c: StatusChange): Promise<void> {
    await this.db.query(
      `INSERT INTO proposal_status_changes (negotiation_id, proposal_id, from_status, to_status,
         by_account_id, by_name, actor_id, at, round_id, deferred_to, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        negotiationId,
        proposalId,
        c.from,
        c.to,
        c.byAccountId,
        c.byName,
        c.actorId,
        c.at,
        c.roundId,
        c.deferredTo ?? null,
        c.note ?? null,
      ],
    )
  }

  /** Appends a position. */
  async addPosition(negotiationId: string, p: Position): Promise<void> {
    await this.db.query(
      `INSERT INTO positions (negotiation_id, ${POSITION_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        negotiationId,
        p.id,
        p.proposalId,
        p.actorId,
        p.stance,
        p.roundId,
        p.source,
        p.quote,
        p.recordedAt,
        p.recordedBy,
        !!p.synthetic,
        p.provenance ?? null,
        p.record ?? null,
      ],
    )
  }
}
