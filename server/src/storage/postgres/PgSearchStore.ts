import type { Pool, PoolClient } from 'pg'
import type { SearchUnit } from '../../../../shared/domain/search/documents'
import { MARK_CLOSE, MARK_OPEN, type SearchKind } from '../../../../shared/domain/search/query'
import type { SearchFilter, SearchMatch, SearchSource, SearchStore } from '../SearchStore'
import { storeTransaction } from './storeTransaction'
import {
  B,
  bm25,
  highlight,
  idfOf,
  instancesOf,
  K1,
  parsePhrases,
  snippet,
  tokenize,
  tsqueryOf,
  tsvectorOf,
  type IndexStats,
  type Instance,
  type Phrase,
} from './searchText'

type Db = Pool | PoolClient

interface CandidateRow {
  id: string
  source: string
  kind: SearchKind
  ref_id: string
  article_id: string | null
  clause: number | null
  audience: string
  label: string
  title: string
  body: string
  tokens: number
}

const COLUMNS = `d.id, d.source, d.kind, d.ref_id, d.article_id, d.clause, d.audience, d.label,
  d.title, d.body, d.tokens`

// snippet()'s arguments in the SQLite store: the body, an ellipsis, at most 24 tokens.
const SNIPPET_TOKENS = 24
const ELLIPSIS = '…'

const noNul = (s: string) => s.replace(/\0/g, ' ')

/**
 * The search index in PostgreSQL (schema/search.ts). PostgreSQL finds the candidate rows with
 * the GIN index (the query's phrases as a tsquery over tokens folded as FTS5 folds them), filtered
 * by negotiation, kind, sources and audiences in the same statement; the store then ranks them
 * with FTS5's bm25 and marks them with FTS5's highlight() and snippet() (./searchText.ts), so a
 * query gets the same rows, order and marks as from SQLite. One difference: bm25's statistics
 * (rows, average length, rows per phrase) are the negotiation's, where FTS5 counts the whole
 * table; with one negotiation indexed the ranks are equal.
 */
export class PgSearchStore implements SearchStore {
  constructor(private readonly db: Db) {}

  /** The digest of every unit of a source. */
  async digests(negotiationId: string, source: SearchSource): Promise<Map<string, string>> {
    const { rows } = await this.db.query<{ unit: string; digest: string }>(
      'SELECT unit, digest FROM search_units WHERE negotiation_id = $1 AND source = $2',
      [negotiationId, source],
    )
    return new Map(rows.map((r) => [r.unit, r.digest]))
  }

  /** Replaces units and deletes others in one transaction (rows inserted in one statement). */
  async write(
    negotiationId: string,
    source: SearchSource,
    units: readonly SearchUnit[],
    removed: readonly string[] = [],
  ): Promise<void> {
    const docs = units.flatMap((u) =>
      u.docs.map((doc) => {
        // PostgreSQL's text holds no NUL character (SQLite's does): a space takes its place.
        const d = { ...doc, title: noNul(doc.title), body: noNul(doc.body) }
        const title = tokenize(d.title)
        const body = tokenize(d.body)
        return {
          unit: u.unit,
          d,
          tokens: title.length + body.length,
          words: tsvectorOf(title, body),
        }
      }),
    )
    const column = <T>(f: (x: (typeof docs)[number]) => T): T[] => docs.map(f)
    await storeTransaction(this.db, async (db) => {
      // One writer per source at a time across instances: a second waits, then deletes what the
      // first inserted (a DELETE sees only rows committed before it starts; without the lock
      // two instances indexing one change at once would each leave their rows behind).
      await db.query(
        `SELECT pg_advisory_xact_lock(hashtextextended(
           'plenary:search:' || current_schema() || ':' || $1 || ':' || $2, 0))`,
        [negotiationId, source],
      )
      await db.query(
        'DELETE FROM search_docs WHERE negotiation_id = $1 AND source = $2 AND unit = ANY($3)',
        [negotiationId, source, [...removed, ...units.map((u) => u.unit)]],
      )
      if (removed.length > 0) {
        await db.query(
          `DELETE FROM search_units WHERE negotiation_id = $1 AND source = $2
             AND unit = ANY($3)`,
          [negotiationId, source, [...removed]],
        )
      }
      if (docs.length > 0) {
        // In the units' order, so that ids (the rank's tie-break) follow SQLite's rowids.
        await db.query(
          `INSERT INTO search_docs (negotiation_id, source, unit, kind, ref_id, article_id,
             clause, audience, label, title, body, tokens, words)
           SELECT $1, $2, unit, kind, ref_id, article_id, clause, audience, label, title, body,
             tokens, words::tsvector
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[],
             $9::text[], $10::text[], $11::text[], $12::int[], $13::text[])
             WITH ORDINALITY AS t (unit, kind, ref_id, article_id, clause, audience, label,
               title, body, tokens, words, n)
           ORDER BY n`,
          [
            negotiationId,
            source,
            column((x) => x.unit),
            column((x) => x.d.kind),
            column((x) => x.d.refId),
            column((x) => x.d.articleId),
            column((x) => x.d.clause),
            column((x) => x.d.audience),
            column((x) => x.d.label),
            column((x) => x.d.title),
            column((x) => x.d.body),
            column((x) => x.tokens),
            column((x) => x.words),
          ],
        )
      }
      if (units.length > 0) {
        await db.query(
          `INSERT INTO search_units (negotiation_id, source, unit, digest)
           SELECT $1, $2, unit, digest FROM unnest($3::text[], $4::text[]) AS t (unit, digest)
           ON CONFLICT (negotiation_id, source, unit) DO UPDATE SET digest = EXCLUDED.digest`,
          [negotiationId, source, units.map((u) => u.unit), units.map((u) => u.digest)],
        )
      }
    })
  }

  /** How far a source was indexed, or null. */
  async marker(negotiationId: string, source: SearchSource): Promise<number | null> {
    const { rows } = await this.db.query<{ marker: string }>(
      'SELECT marker FROM search_markers WHERE negotiation_id = $1 AND source = $2',
      [negotiationId, source],
    )
    return rows[0] ? Number(rows[0].marker) : null
  }

  /** Records how far a source was indexed. */
  async setMarker(negotiationId: string, source: SearchSource, marker: number): Promise<void> {
    await this.db.query(
      `INSERT INTO search_markers (negotiation_id, source, marker) VALUES ($1, $2, $3)
       ON CONFLICT (negotiation_id, source) DO UPDATE SET marker = EXCLUDED.marker`,
      [negotiationId, source, marker],
    )
  }

  /**
   * The room's last stored sequence number: every append takes the next one, and compaction
   * keeps the last it folded as its snapshot's upto_seq, so the larger of the two grows with
   * every change.
   */
  async roomVersion(room: string): Promise<number> {
    const { rows } = await this.db.query<{ v: string }>(
      `SELECT GREATEST(COALESCE((SELECT MAX(seq) FROM room_updates WHERE room = $1), 0),
                       COALESCE((SELECT upto_seq FROM room_snapshots WHERE room = $1), 0)) AS v`,
      [room],
    )
    return Number(rows[0]?.v ?? 0)
  }

  /** Matches best first (bm25, ties in the order indexed); sources and audiences bound. */
  async search(negotiationId: string, f: SearchFilter): Promise<SearchMatch[]> {
    const phrases = parsePhrases(f.match)
    if (phrases.length === 0 || f.limit <= 0) return []
    const stats = await this.stats(negotiationId, phrases)
    const where = `negotiation_id = $1 AND kind = $2 AND source = ANY($3::text[])
      AND audience = ANY($4::text[]) AND words @@ $5::tsquery`
    const values = [negotiationId, f.kind, f.sources, f.audiences, tsqueryOf(phrases)]
    let rows: CandidateRow[]
    if (phrases.every((p) => p.words.length === 1)) {
      // One word per phrase (all `ftsQuery` writes): PostgreSQL ranks, counting each word's
      // positions in the row's tsvector, and only the best `limit` rows come back.
      const { rows: best } = await this.db.query<CandidateRow>(
        `SELECT ${COLUMNS} FROM search_docs d,
           LATERAL (SELECT SUM(q.idf * ((f.n * ($9::float8 + 1)) /
               (f.n + $9::float8 * (1 - $10::float8 + ($10::float8 * d.tokens) / $11::float8))))
               AS score
             FROM unnest($6::text[], $7::bool[], $8::float8[]) WITH ORDINALITY
               AS q (word, prefix, idf, i),
             LATERAL (SELECT COALESCE(SUM(array_length(u.positions, 1)), 0)::float8 AS n
               FROM unnest(d.words) u
               WHERE CASE WHEN q.prefix THEN starts_with(u.lexeme, q.word)
                     ELSE u.lexeme = q.word END) f) s
          WHERE ${where}
          ORDER BY s.score DESC, d.id LIMIT $12`,
        [
          ...values,
          phrases.map((p) => p.words[0]),
          phrases.map((p) => p.prefix),
          idfOf(stats),
          K1,
          B,
          stats.tokens / stats.rows,
          f.limit,
        ],
      )
      rows = best
    } else {
      // Phrases of several words: every candidate is ranked here, on its tokens.
      const { rows: all } = await this.db.query<CandidateRow>(
        `SELECT ${COLUMNS} FROM search_docs d WHERE ${where}`,
        values,
      )
      rows = all
        .map((row) => ({
          row,
          score: bm25(this.instances(row, phrases), phrases.length, row.tokens, stats),
        }))
        .sort((a, b) => b.score - a.score || Number(a.row.id) - Number(b.row.id))
        .slice(0, f.limit)
        .map((r) => r.row)
    }
    return rows.map((row) => {
      const title = tokenize(row.title)
      const body = tokenize(row.body)
      const instances = instancesOf([title, body], phrases)
      return {
        source: row.source,
        kind: row.kind,
        refId: row.ref_id,
        articleId: row.article_id,
        clause: row.clause,
        audience: row.audience,
        label: row.label,
        title: highlight(row.title, title, instances, phrases, 0, MARK_OPEN, MARK_CLOSE),
        snippet: snippet(
          row.body,
          body,
          instances,
          phrases,
          1,
          MARK_OPEN,
          MARK_CLOSE,
          ELLIPSIS,
          SNIPPET_TOKENS,
        ),
      }
    })
  }

  private instances(row: CandidateRow, phrases: readonly Phrase[]): Instance[] {
    return instancesOf([tokenize(row.title), tokenize(row.body)], phrases)
  }

  // bm25's statistics over the negotiation's rows: how many, their tokens, rows per phrase.
  private async stats(negotiationId: string, phrases: readonly Phrase[]): Promise<IndexStats> {
    const hits = phrases.map(
      (_, i) => `(SELECT COUNT(*) FROM search_docs
        WHERE negotiation_id = $1 AND words @@ $${i + 2}::tsquery)::int AS h${i}`,
    )
    const { rows } = await this.db.query<Record<string, number | string>>(
      `SELECT COUNT(*)::int AS n, COALESCE(SUM(tokens), 0)::float8 AS t, ${hits.join(', ')}
         FROM search_docs WHERE negotiation_id = $1`,
      [negotiationId, ...phrases.map((p) => tsqueryOf([p]))],
    )
    const s = rows[0] ?? {}
    return {
      rows: Number(s.n ?? 0),
      tokens: Number(s.t ?? 0),
      hits: phrases.map((_, i) => Number(s[`h${i}`] ?? 0)),
    }
  }
}
