import type { Distribution, DocumentSettings } from '../../../../shared/domain/documents'
import type { DocumentStore, VisitStore } from '../DocumentStore'
import { all, one, type Db } from './db'

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

/** Document settings in PostgreSQL (table document_settings). */
export class PgDocumentStore implements DocumentStore {
  constructor(private readonly db: Db) {}

  async get(negotiationId: string, roundId: string | null): Promise<DocumentSettings | null> {
    const row = await one<SettingsRow>(
      this.db,
      `SELECT ${COLUMNS} FROM document_settings WHERE negotiation_id = $1 AND round_key = $2`,
      [negotiationId, keyOf(roundId)],
    )
    return row ? toSettings(row) : null
  }

  async list(negotiationId: string): Promise<DocumentSettings[]> {
    const rows = await all<SettingsRow>(
      this.db,
      `SELECT ${COLUMNS} FROM document_settings WHERE negotiation_id = $1 ORDER BY round_key`,
      [negotiationId],
    )
    return rows.map(toSettings)
  }

  async set(negotiationId: string, s: DocumentSettings): Promise<void> {
    await this.db.query(
      `INSERT INTO document_settings (negotiation_id, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (negotiation_id, round_key) DO UPDATE SET symbol = excluded.symbol,
         distribution = excluded.distribution, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
      [negotiationId, keyOf(s.roundId), s.symbol, s.distribution, s.updatedAt, s.updatedBy],
    )
  }
}

/** Report visits in PostgreSQL (table report_visits). */
export class PgVisitStore implements VisitStore {
  constructor(private readonly db: Db) {}

  async last(negotiationId: string, accountId: string): Promise<string | null> {
    const row = await one<{ visited_at: string }>(
      this.db,
      'SELECT visited_at FROM report_visits WHERE negotiation_id = $1 AND account_id = $2',
      [negotiationId, accountId],
    )
    return row?.visited_at ?? null
  }

  async record(negotiationId: string, accountId: string, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO report_visits (negotiation_id, account_id, visited_at) VALUES ($1, $2, $3)
       ON CONFLICT (negotiation_id, account_id) DO UPDATE SET visited_at = excluded.visited_at`,
      [negotiationId, accountId, at],
    )
  }
}
