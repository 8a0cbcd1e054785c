import type Database from 'better-sqlite3'
import type { Distribution, DocumentSettings } from '../../../../shared/domain/documents'
import type { DocumentStore, VisitStore } from '../DocumentStore'
import { WriteGate } from './WriteGate'

interface SettingsRow {
  round_key: string
  symbol: string
  distribution: Distribution
  updated_at: string
  updated_by: string
}

// The live text is stored under the round key '' so that the primary key needs no NULL.
const keyOf = (roundId: string | null) => roundId ?? ''
const toSettings = (row: SettingsRow): DocumentSettings => ({
  roundId: row.round_key === '' ? null : row.round_key,
  symbol: row.symbol,
  distribution: row.distribution,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
})
const COLUMNS = 'round_key, symbol, distribution, updated_at, updated_by'

/** Document settings in SQLite (table document_settings). */
export class SqliteDocumentStore implements DocumentStore {
  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {}

  async get(negotiationId: string, roundId: string | null): Promise<DocumentSettings | null> {
    const row = this.db
      .prepare<[string, string], SettingsRow>(
        `SELECT ${COLUMNS} FROM document_settings WHERE negotiation_id = ? AND round_key = ?`,
      )
      .get(negotiationId, keyOf(roundId))
    return row ? toSettings(row) : null
  }

  async list(negotiationId: string): Promise<DocumentSettings[]> {
    return this.db
      .prepare<[string], SettingsRow>(
        `SELECT ${COLUMNS} FROM document_settings WHERE negotiation_id = ? ORDER BY round_key`,
      )
      .all(negotiationId)
      .map(toSettings)
  }

  set(negotiationId: string, s: DocumentSettings): Promise<void> {
    return this.gate.write(() => {
      this.db
        .prepare(
          `INSERT INTO document_settings (negotiation_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (negotiation_id, round_key) DO UPDATE SET symbol = excluded.symbol,
             distribution = excluded.distribution, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by`,
        )
        .run(negotiationId, keyOf(s.roundId), s.symbol, s.distribution, s.updatedAt, s.updatedBy)
    })
  }
}

/** Report visits in SQLite (table report_visits). */
export class SqliteVisitStore implements VisitStore {
  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {}

  async last(negotiationId: string, accountId: string): Promise<string | null> {
    const row = this.db
      .prepare<[string, string], { visited_at: string }>(
        'SELECT visited_at FROM report_visits WHERE negotiation_id = ? AND account_id = ?',
      )
      .get(negotiationId, accountId)
    return row?.visited_at ?? null
  }

  record(negotiationId: string, accountId: string, at: string): Promise<void> {
    return this.gate.write(() => {
      this.db
        .prepare(
          `INSERT INTO report_visits (negotiation_id, account_id, visited_at) VALUES (?, ?, ?)
           ON CONFLICT (negotiation_id, account_id) DO UPDATE SET visited_at = excluded.visited_at`,
        )
        .run(negotiationId, accountId, at)
    })
  }
}
