import type Database from 'better-sqlite3'
import type {
  ArticleRenumbered,
  ClauseRenumbered,
  Concordance,
  NewConcordance,
} from '../../../../shared/domain/concordance'
import type { ConcordanceStore, ConcordanceWrites } from '../ConcordanceStore'
import type { Synchronous } from './promised'

interface ConcordanceRow {
  negotiation_id: string
  seq: number
  at: string
  account_id: string | null
  by_name: string
  articles: string
  clauses: string
}

const toConcordance = (row: ConcordanceRow): Concordance => ({
  seq: row.seq,
  negotiationId: row.negotiation_id,
  at: row.at,
  accountId: row.account_id,
  byName: row.by_name,
  articles: JSON.parse(row.articles) as ArticleRenumbered[],
  clauses: JSON.parse(row.clauses) as ClauseRenumbered[],
})

/** Renumberings in SQLite (table concordances, append-only by trigger). */
export class SqliteConcordanceStore implements ConcordanceStore, Synchronous<ConcordanceWrites> {
  constructor(private readonly db: Database.Database) {}

  async list(negotiationId: string): Promise<Concordance[]> {
    return this.db
      .prepare<[string], ConcordanceRow>(
        `SELECT negotiation_id, seq, at, account_id, by_name, articles, clauses
         FROM concordances WHERE negotiation_id = ? ORDER BY seq`,
      )
      .all(negotiationId)
      .map(toConcordance)
  }

  /** Appends now (inside the running transaction, if any), numbered after the last. */
  append(c: NewConcordance): Concordance {
    const last = this.db
      .prepare<[string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM concordances WHERE negotiation_id = ?',
      )
      .get(c.negotiationId)
    const seq = (last?.seq ?? 0) + 1
    this.db
      .prepare(
        `INSERT INTO concordances (negotiation_id, seq, at, account_id, by_name, articles, clauses)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.negotiationId,
        seq,
        c.at,
        c.accountId,
        c.byName,
        JSON.stringify(c.articles),
        JSON.stringify(c.clauses),
      )
    return { ...c, seq }
  }
}
