// The search index in PostgreSQL, a cache rebuilt from rooms and tables as in SQLite: each
// source of a negotiation (a text, the proposals, the events, a notes room) holds units replaced
// whole when their digest changes. SQLite keeps the words in an FTS5 table beside search_docs;
// here each row keeps its own title and body, its token count (for bm25) and `words`, a tsvector
// of exactly the tokens FTS5's unicode61 tokenizer would make (written by the store from
// ../searchText.ts, never by a PostgreSQL parser or dictionary), GIN-indexed. The store ranks,
// highlights and cuts snippets itself, as FTS5 does, so that both backends answer alike.
// Every statement is idempotent: the migration runner composes these with the other areas'.

/** The DDL of the search store, in order; each statement may run again harmlessly. */
export const searchDdl: string[] = [
  `CREATE TABLE IF NOT EXISTS search_docs (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id TEXT NOT NULL,
    source         TEXT NOT NULL,
    unit           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    ref_id         TEXT NOT NULL,
    article_id     TEXT,
    clause         INTEGER,
    audience       TEXT NOT NULL,
    label          TEXT NOT NULL,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,
    tokens         INTEGER NOT NULL,
    words          TSVECTOR NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS search_docs_unit ON search_docs (negotiation_id, source, unit)`,
  `CREATE INDEX IF NOT EXISTS search_docs_words ON search_docs USING GIN (words)`,
  `CREATE TABLE IF NOT EXISTS search_units (
    negotiation_id TEXT NOT NULL,
    source         TEXT NOT NULL,
    unit           TEXT NOT NULL,
    digest         TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, source, unit)
  )`,
  `CREATE TABLE IF NOT EXISTS search_markers (
    negotiation_id TEXT NOT NULL,
    source         TEXT NOT NULL,
    marker         BIGINT NOT NULL,
    PRIMARY KEY (negotiation_id, source)
  )`,
]
