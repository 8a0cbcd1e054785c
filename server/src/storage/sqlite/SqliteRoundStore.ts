import type Database from 'better-sqlite3'
import { roundStatus, type Round, type RoundState } from '../../../../shared/domain/rounds'
import type { RoundStore, RoundWrites, StoredRoundSnapshot } from '../RoundStore'
import type { Synchronous } from './promised'

interface RoundRow {
  id: string
  name: string
  place: string
  start_date: string
  end_date: string
  outcome: string | null
  verified: number
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
  synthetic: number
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
    verified: row.verified === 1,
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
  state: new Uint8Array(row.state),
  ...(row.synthetic === 1 ? { synthetic: true } : {}),
})

/** Rounds and their frozen texts in the shared SQLite database. */
export class SqliteRoundStore implements RoundStore, Synchronous<RoundWrites> {
  private readonly stmt

  constructor(db: Database.Database) {
    const snapshotColumns =
      's.round_id, s.name, s.closed_at, s.closed_by, s.doc, s.state, s.synthetic'
    this.stmt = {
      list: db.prepare<[string], RoundRow>(
        `SELECT r.id, r.name, r.place, r.start_date, r.end_date, r.outcome, r.verified,
           r.opened_at, r.closed_at, s.name AS snapshot_name, s.closed_by
         FROM rounds r LEFT JOIN round_snapshots s
           ON s.negotiation_id = r.negotiation_id AND s.round_id = r.id
         WHERE r.negotiation_id = ? ORDER BY r.position`,
      ),
      snapshot: db.prepare<[string, string], SnapshotRow>(
        `SELECT ${snapshotColumns} FROM round_snapshots s
         WHERE s.negotiation_id = ? AND s.round_id = ?`,
      ),
      snapshots: db.prepare<[string], SnapshotRow>(
        `SELECT ${snapshotColumns} FROM round_snapshots s
         JOIN rounds r ON r.negotiation_id = s.negotiation_id AND r.id = s.round_id
         WHERE s.negotiation_id = ? ORDER BY r.position`,
      ),
      insert: db.prepare<
        [string, string, string, string, string, string, string, string | null, number]
      >(
        `INSERT INTO rounds (negotiation_id, position, id, name, place, start_date, end_date,
           outcome, verified)
         VALUES (?, (SELECT COALESCE(MAX(position), -1) + 1 FROM rounds WHERE negotiation_id = ?),
           ?, ?, ?, ?, ?, ?, ?)`,
      ),
      open: db.prepare<[string, string, string]>(
        'UPDATE rounds SET opened_at = ? WHERE negotiation_id = ? AND id = ?',
      ),
      close: db.prepare<[string, string, string, string]>(
        `UPDATE rounds SET closed_at = ?, opened_at = COALESCE(opened_at, ?)
         WHERE negotiation_id = ? AND id = ?`,
      ),
      putSnapshot: db.prepare(
        `INSERT INTO round_snapshots (negotiation_id, round_id, name, closed_at, closed_by, doc,
           state, synthetic)
         VALUES (@negotiation_id, @round_id, @name, @closed_at, @closed_by, @doc, @state,
           @synthetic)`,
      ),
    }
  }

  /** Rounds in order, with status. */
  async list(negotiationId: string): Promise<RoundState[]> {
    return this.stmt.list.all(negotiationId).map(toRound)
  }

  /** One round's frozen text. */
  async snapshot(negotiationId: string, roundId: string): Promise<StoredRoundSnapshot | null> {
    const row = this.stmt.snapshot.get(negotiationId, roundId)
    return row ? toSnapshot(row) : null
  }

  /** Every frozen text, in round order. */
  async snapshots(negotiationId: string): Promise<StoredRoundSnapshot[]> {
    return this.stmt.snapshots.all(negotiationId).map(toSnapshot)
  }

  /** Adds a round last (inside `atomically`, or on its own). */
  add(negotiationId: string, r: Round): void {
    this.stmt.insert.run(
      negotiationId,
      negotiationId,
      r.id,
      r.name,
      r.place,
      r.startDate,
      r.endDate,
      r.outcome ?? null,
      r.verified ? 1 : 0,
    )
  }

  /** Opens a round (inside `atomically`). */
  open(negotiationId: string, roundId: string, at: string): void {
    this.stmt.open.run(at, negotiationId, roundId)
  }

  /** Closes a round without a frozen text (inside `atomically`). */
  end(negotiationId: string, roundId: string, at: string): void {
    const { changes } = this.stmt.close.run(at, at, negotiationId, roundId)
    if (changes !== 1) throw new Error(`no round "${roundId}" in ${negotiationId}`)
  }

  /** Closes a round and freezes its text (inside `atomically`). */
  close(negotiationId: string, s: StoredRoundSnapshot): void {
    const { changes } = this.stmt.close.run(s.closedAt, s.closedAt, negotiationId, s.roundId)
    if (changes !== 1) throw new Error(`no round "${s.roundId}" in ${negotiationId}`)
    this.stmt.putSnapshot.run({
      negotiation_id: negotiationId,
      round_id: s.roundId,
      name: s.name,
      closed_at: s.closedAt,
      closed_by: s.closedBy,
      doc: JSON.stringify(s.doc),
      state: s.state,
      synthetic: s.synthetic ? 1 : 0,
    })
  }
}
