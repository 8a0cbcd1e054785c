import type {
  ArticleRenumbered,
  ClauseRenumbered,
  Concordance,
  NewConcordance,
} from '../../../../shared/domain/concordance'
import type { ConcordanceStore, ConcordanceWrites } from '../ConcordanceStore'
import { all, one, type Db } from './db'

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

/** Renumberings in PostgreSQL (table concordances, append-only by trigger). */
export class PgConcordanceStore implements ConcordanceStore, ConcordanceWrites {
  constructor(private readonly db: Db) {}

  async list(negotiationId: string): Promise<Concordance[]> {
    const rows = await all<ConcordanceRow>(
      this.db,
      `SELECT negotiation_id, seq, at, account_id, by_name, articles, clauses
       FROM concordances WHERE negotiation_id = $1 ORDER BY seq`,
      [negotiationId],
    )
    return rows.map(toConcordance)
  }

  /**
   * Appends on this store's connection (the transaction's, inside `atomically`), numbered after
   * the last in one statement; two instances racing for a number make one fail on the primary
   * key rather than share it (commands of a negotiation run under its exclusive lock anyway).
   */
  async append(c: NewConcordance): Promise<Concordance> {
    const row = await one<{ seq: number }>(
      this.db,
      `INSERT INTO concordances (negotiation_id, seq, at, account_id, by_name, articles, clauses)
       SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6
       FROM concordances WHERE negotiation_id = $1
       RETURNING seq`,
      [
        c.negotiationId,
        c.at,
        c.accountId,
        c.byName,
        JSON.stringify(c.articles),
        JSON.stringify(c.clauses),
      ],
    )
    if (!row) throw new Error('concordance not stored')
    return { ...c, seq: row.seq }
  }
}
