import type Database from 'better-sqlite3'
import type { SearchUnit } from '../../../../shared/domain/search/documents'
import { MARK_CLOSE, MARK_OPEN, type SearchKind } from '../../../../shared/domain/search/query'
import type { SearchFilter, SearchMatch, SearchSource, SearchStore } from '../SearchStore'
import { WriteGate } from './WriteGate'

interface MatchRow {
  source: string
  kind: SearchKind
  ref_id: string
  article_id: string | null
  clause: number | null
  audience: string
  label: string
  title: string
  snippet: string
}

// Markers (4), the match, negotiation, kind, sources and audiences as JSON, and the limit.
type SearchArgs = [string, string, string, string, string, string, string, string, string, number]

/** The search index in SQLite FTS5: search_fts holds the words, search_docs the rest by rowid. */
export class SqliteSearchStore implements SearchStore {
  private readonly stmt

  constructor(
    private readonly db: Database.Database,
    private readonly gate = new WriteGate(),
  ) {
    this.stmt = {
      digests: db.prepare<[string, string], { unit: string; digest: string }>(
        'SELECT unit, digest FROM search_units WHERE negotiation_id = ? AND source = ?',
      ),
      rowids: db.prepare<[string, string, string], { id: number }>(
        'SELECT id FROM search_docs WHERE negotiation_id = ? AND source = ? AND unit = ?',
      ),
      deleteFts: db.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?'),
      deleteDocs: db.prepare<[string, string, string]>(
        'DELETE FROM search_docs WHERE negotiation_id = ? AND source = ? AND unit = ?',
      ),
      deleteUnit: db.prepare<[string, string, string]>(
        'DELETE FROM search_units WHERE negotiation_id = ? AND source = ? AND unit = ?',
      ),
      putUnit: db.prepare<[string, string, string, string]>(
        `INSERT INTO search_units (negotiation_id, source, unit, digest) VALUES (?, ?, ?, ?)
         ON CONFLICT (negotiation_id, source, unit) DO UPDATE SET digest = excluded.digest`,
      ),
      insertDoc: db.prepare<
        [string, string, string, string, string, string | null, number | null, string, string]
      >(
        `INSERT INTO search_docs
           (negotiation_id, source, unit, kind, ref_id, article_id, clause, audience, label)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFts: db.prepare<[number | bigint, string, string]>(
        'INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)',
      ),
      marker: db.prepare<[string, string], { marker: number }>(
        'SELECT marker FROM search_markers WHERE negotiation_id = ? AND source = ?',
      ),
      setMarker: db.prepare<[string, string, number]>(
        `INSERT INTO search_markers (negotiation_id, source, marker) VALUES (?, ?, ?)
         ON CONFLICT (negotiation_id, source) DO UPDATE SET marker = excluded.marker`,
      ),
      // Every append takes a larger seq than any before, and compaction keeps the last one as
      // its snapshot's upto_seq: the larger of the two grows with every change.
      search: db.prepare<SearchArgs, MatchRow>(
        `SELECT d.source, d.kind, d.ref_id, d.article_id, d.clause, d.audience, d.label,
                highlight(search_fts, 0, ?, ?) AS title,
                snippet(search_fts, 1, ?, ?, '…', 24) AS snippet
           FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
          WHERE search_fts MATCH ? AND d.negotiation_id = ? AND d.kind = ?
            AND d.source IN (SELECT value FROM json_each(?))
            AND d.audience IN (SELECT value FROM json_each(?))
          ORDER BY rank LIMIT ?`,
      ),
      roomVersion: db.prepare<[string, string], { v: number | null }>(
        `SELECT MAX(COALESCE((SELECT MAX(seq) FROM room_updates WHERE room = ?), 0),
                    COALESCE((SELECT upto_seq FROM room_snapshots WHERE room = ?), 0)) AS v`,
      ),
    }
  }

  /** The digest of every unit of a source. */
  async digests(negotiationId: string, source: SearchSource): Promise<Map<string, string>> {
    const rows = this.stmt.digests.all(negotiationId, source)
    return new Map(rows.map((r) => [r.unit, r.digest]))
  }

  /** Replaces units and deletes others in one transaction. */
  write(
    negotiationId: string,
    source: SearchSource,
    units: readonly SearchUnit[],
    removed: readonly string[] = [],
  ): Promise<void> {
    return this.gate.write(() => {
      this.db.transaction(() => {
        for (const key of [...removed, ...units.map((u) => u.unit)])
          this.drop(negotiationId, source, key)
        for (const key of removed) this.stmt.deleteUnit.run(negotiationId, source, key)
        for (const u of units) {
          for (const d of u.docs) {
            const { lastInsertRowid } = this.stmt.insertDoc.run(
              negotiationId,
              source,
              u.unit,
              d.kind,
              d.refId,
              d.articleId,
              d.clause,
              d.audience,
              d.label,
            )
            this.stmt.insertFts.run(lastInsertRowid, d.title, d.body)
          }
          this.stmt.putUnit.run(negotiationId, source, u.unit, u.digest)
        }
      })()
    })
  }

  private drop(negotiationId: string, source: string, unit: string): void {
    for (const { id } of this.stmt.rowids.all(negotiationId, source, unit))
      this.stmt.deleteFts.run(id)
    this.stmt.deleteDocs.run(negotiationId, source, unit)
  }

  /** How far a source was indexed, or null. */
  async marker(negotiationId: string, source: SearchSource): Promise<number | null> {
    return this.stmt.marker.get(negotiationId, source)?.marker ?? null
  }

  /** Records how far a source was indexed. */
  setMarker(negotiationId: string, source: SearchSource, marker: number): Promise<void> {
    return this.gate.write(() => {
      this.stmt.setMarker.run(negotiationId, source, marker)
    })
  }

  /** The room's last stored log position. */
  async roomVersion(room: string): Promise<number> {
    return this.stmt.roomVersion.get(room, room)?.v ?? 0
  }

  /** Matches best first; sources and audiences are bound as JSON arrays, never spliced in. */
  async search(negotiationId: string, f: SearchFilter): Promise<SearchMatch[]> {
    const rows = this.stmt.search.all(
      MARK_OPEN,
      MARK_CLOSE,
      MARK_OPEN,
      MARK_CLOSE,
      f.match,
      negotiationId,
      f.kind,
      JSON.stringify(f.sources),
      JSON.stringify(f.audiences),
      f.limit,
    )
    return rows.map((r) => ({
      source: r.source,
      kind: r.kind,
      refId: r.ref_id,
      articleId: r.article_id,
      clause: r.clause,
      audience: r.audience,
      label: r.label,
      title: r.title,
      snippet: r.snippet,
    }))
  }
}
