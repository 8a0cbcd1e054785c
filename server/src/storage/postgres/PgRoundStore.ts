import { roundStatus, type Round, type RoundState } from '../../../../shared/domain/rounds'
import type { RoundStore, RoundWrites, StoredRoundSnapshot } from '../RoundStore'
import { bytes } from './db'
import type { PgQueryable } from './storeTransaction'

interface RoundRow {
  id: string
  name: string
  place: string
  start_date: string
  end_date: string
  outcome: string | null
  verified: boolean
  opened_at: string | null
  closed_at: string | null
  snapshot_name: string | null
  closed_by: string | null
}

interface SnapshotRow {
  round_id: string
  name: string
  closed_at: string
  closed_by: string
  doc: string
  state: Buffer
  synthetic: boolean
}

const toRound = (row: RoundRow): RoundState => {
  const times = { openedAt: row.opened_at, closedAt: row.closed_at }
  return {
    id: row.id,
    name: row.name,
    place: row.place,
    startDate: row.start_date,
    endDate: row.end_date,
    ...(row.outcome === null ? {} : { outcome: row.outcome }),
    verified: row.verified,
    status: roundStatus(times),
    ...times,
    snapshotName: row.snapshot_name,
    closedBy: row.closed_by,
  }
}

const toSnapshot = (row: SnapshotRow): StoredRoundSnapshot => ({
  roundId: row.round_id,
  name: row.name,
  closedAt: row.closed_at,
  closedBy: row.closed_by,
  doc: JSON.parse(row.doc) as unknown,
  state: bytes(row.state),
  ...(row.synthetic ? { synthetic: true } : {}),
})

const SNAPSHOT_COLUMNS = 's.round_id, s.name, s.closed_at, s.closed_by, s.doc, s.state, s.synthetic'

/** Rounds and their frozen texts (append-only by trigger) in PostgreSQL. */
export class PgRoundStore implements RoundStore, RoundWrites {
  constructor(private readonly db: PgQueryable) {}

  /** Rounds in order, with status. */
  async list(negotiationId: string): Promise<RoundState[]> {
    const { rows } = await this.db.query<RoundRow>(
      `SELECT r.id, r.name, r.place, r.start_date, r.end_date, r.outcome, r.verified,
         r.opened_at, r.closed_at, s.name AS snapshot_name, s.closed_by
       FROM rounds r LEFT JOIN round_snapshots s
         ON s.negotiation_id = r.negotiation_id AND s.round_id = r.id
       WHERE r.negotiation_id = $1 ORDER BY r.position`,
      [negotiationId],
    )
    return rows.map(toRound)
  }

  /** One round's frozen text. */
  async snapshot(negotiationId: string, roundId: string): Promise<StoredRoundSnapshot | null> {
    const { rows } = await this.db.query<SnapshotRow>(
      `SELECT ${SNAPSHOT_COLUMNS} FROM round_snapshots s
       WHERE s.negotiation_id = $1 AND s.round_id = $2`,
      [negotiationId, roundId],
    )
    return rows[0] ? toSnapshot(rows[0]) : null
  }

  /** Every frozen text, in round order. */
  async snapshots(negotiationId: string): Promise<StoredRoundSnapshot[]> {
    const { rows } = await this.db.query<SnapshotRow>(
      `SELECT ${SNAPSHOT_COLUMNS} FROM round_snapshots s
       JOIN rounds r ON r.negotiation_id = s.negotiation_id AND r.id = s.round_id
       WHERE s.negotiation_id = $1 ORDER BY r.position`,
      [negotiationId],
    )
    return rows.map(toSnapshot)
  }

  /** Adds a round after the negotiation's others. */
  async add(negotiationId: string, r: Round): Promise<void> {
    await this.db.query(
      `INSERT INTO rounds (negotiation_id, position, id, name, place, start_date, end_date,
         outcome, verified)
       VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM rounds WHERE negotiation_id = $1),
         $2, $3, $4, $5, $6, $7, $8)`,
      [
        negotiationId,
        r.id,
        r.name,
        r.place,
        r.startDate,
        r.endDate,
        r.outcome ?? null,
        !!r.verified,
      ],
    )
  }

  /** Opens a round. */
  async open(negotiationId: string, roundId: string, at: string): Promise<void> {
    await this.db.query('UPDATE rounds SET opened_at = $1 WHERE negotiation_id = $2 AND id = $3', [
      at,
      negotiationId,
      roundId,
    ])
  }

  /** Closes a round without a frozen text. */
  async end(negotiationId: string, roundId: string, at: string): Promise<void> {
    await this.markClosed(negotiationId, roundId, at)
  }

  /** Closes a round and freezes its text. */
  async close(negotiationId: string, s: StoredRoundSnapshot): Promise<void> {
    await this.markClosed(negotiationId, s.roundId, s.closedAt)
    await this.db.query(
      `INSERT INTO round_snapshots (negotiation_id, round_id, name, closed_at, closed_by, doc,
         state, synthetic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        negotiationId,
        s.roundId,
        s.name,
        s.closedAt,
        s.closedBy,
        JSON.stringify(s.doc),
        Buffer.from(s.state.buffer, s.state.byteOffset, s.state.byteLength),
        !!s.synthetic,
      ],
    )
  }

  // A round closes at `at`, and counts as opened then if it never was.
  private async markClosed(negotiationId: string, roundId: string, at: string): Promise<void> {
    const { rowCount } = await this.db.query(
      `UPDATE rounds SET closed_at = $1, opened_at = COALESCE(opened_at, $1)
       WHERE negotiation_id = $2 AND id = $3`,
      [at, negotiationId, roundId],
    )
    if (rowCount !== 1) throw new Error(`no round "${roundId}" in ${negotiationId}`)
  }
}
