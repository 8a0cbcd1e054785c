// Who stands where (issue 12) in PostgreSQL: issues, statements and their publications, briefing
// papers with their versions, declarations and endorsements, round counts, treaty status, and
// campaign target lists and actions. They mirror sqlite/migrations.ts column for column, with
// these differences, each for a reason:
// - flags are boolean; JSON stays in text columns, written as the SQLite store writes it, so that
//   it reads back equal with its keys in the order written;
// - ids and the columns lists are ordered by are COLLATE "C", so that they sort byte-wise as
//   SQLite's BINARY does whatever the database's locale;
// - round_counts carries an insertion number, the order SQLite's rowid gives its list;
// - the append-only tables (statements, statement_publications, paper_versions) refuse UPDATE and
//   DELETE row by row as SQLite's triggers do, and TRUNCATE too (which skips row triggers).
// Every statement is idempotent: the migration runner composes these with the other areas'.
// The tables reference `negotiations` (schema/core.ts), which comes first.

/** The plpgsql function the append-only tables of this area trigger on UPDATE and DELETE. */
const refuseChange = `
CREATE OR REPLACE FUNCTION stances_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$`

const appendOnly = (table: string): string[] => [
  `CREATE OR REPLACE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION stances_append_only()`,
  `CREATE OR REPLACE TRIGGER ${table}_append_only_truncate BEFORE TRUNCATE ON ${table}
     FOR EACH STATEMENT EXECUTE FUNCTION stances_append_only()`,
]

const PROVENANCE = `CHECK (provenance IN ('reported', 'recorded', 'synthetic'))`

/** The DDL of the stance stores, in order; each statement may run again harmlessly. */
export const stancesDdl: string[] = [
  refuseChange,
  // Issues in a hierarchy with their links as JSON arrays.
  `CREATE TABLE IF NOT EXISTS issues (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id           TEXT COLLATE "C" NOT NULL,
    parent_id    TEXT,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    article_ids  TEXT NOT NULL,
    bracket_ids  TEXT NOT NULL,
    proposal_ids TEXT NOT NULL,
    position     INTEGER NOT NULL,
    source       TEXT NOT NULL,
    provenance   TEXT NOT NULL ${PROVENANCE},
    created_at   TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  )`,
  // What actors said, each in the record of whoever heard it ('secretariat', 'delegation:FRA',
  // 'group:cmc'); target_kind 'issue' or 'proposal'. Append-only: a later entry supersedes.
  `CREATE TABLE IF NOT EXISTS statements (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id             TEXT NOT NULL UNIQUE,
    target_kind    TEXT NOT NULL CHECK (target_kind IN ('issue', 'proposal')),
    target_id      TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    stance         TEXT NOT NULL
      CHECK (stance IN ('supports', 'opposes', 'concerns', 'neutral', 'statement')),
    round_id       TEXT,
    said_on        TEXT,
    source         TEXT NOT NULL,
    quote          TEXT NOT NULL,
    provenance     TEXT NOT NULL ${PROVENANCE},
    record_key     TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS statements_negotiation ON statements (negotiation_id, record_key)`,
  ...appendOnly('statements'),
  // A group publishing one entry of its record: once, never taken back silently.
  `CREATE TABLE IF NOT EXISTS statement_publications (
    statement_id TEXT PRIMARY KEY REFERENCES statements (id),
    published_at TEXT NOT NULL,
    by_name      TEXT NOT NULL
  )`,
  ...appendOnly('statement_publications'),
  // Briefing papers on an issue (group_id NULL: the secretariat's), every version kept.
  `CREATE TABLE IF NOT EXISTS papers (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id         TEXT COLLATE "C" NOT NULL,
    issue_id   TEXT NOT NULL,
    group_id   TEXT,
    published  BOOLEAN NOT NULL,
    provenance TEXT NOT NULL ${PROVENANCE},
    source     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  )`,
  `CREATE TABLE IF NOT EXISTS paper_versions (
    negotiation_id TEXT NOT NULL,
    paper_id TEXT NOT NULL,
    version  INTEGER NOT NULL,
    title    TEXT NOT NULL,
    body     TEXT NOT NULL,
    at       TEXT NOT NULL,
    by_name  TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, paper_id, version)
  )`,
  ...appendOnly('paper_versions'),
  // Outcome documents and who endorsed them, with the counts sources give (JSON).
  `CREATE TABLE IF NOT EXISTS declarations (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id              TEXT COLLATE "C" NOT NULL,
    title           TEXT NOT NULL,
    round_id        TEXT,
    adopted_on      TEXT COLLATE "C",
    source          TEXT NOT NULL,
    reported_counts TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  )`,
  `CREATE TABLE IF NOT EXISTS endorsements (
    negotiation_id TEXT NOT NULL,
    declaration_id TEXT COLLATE "C" NOT NULL,
    actor_id    TEXT COLLATE "C" NOT NULL,
    endorsed_on TEXT,
    source      TEXT NOT NULL,
    provenance  TEXT NOT NULL ${PROVENANCE},
    PRIMARY KEY (negotiation_id, declaration_id, actor_id)
  )`,
  // A campaign group's target lists (actor ids as JSON) and its actions per state.
  `CREATE TABLE IF NOT EXISTS target_lists (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    group_id    TEXT NOT NULL,
    id          TEXT COLLATE "C" NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    source      TEXT NOT NULL,
    provenance  TEXT NOT NULL ${PROVENANCE},
    actor_ids   TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (negotiation_id, group_id, id)
  )`,
  `CREATE TABLE IF NOT EXISTS campaign_actions (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    group_id    TEXT NOT NULL,
    id          TEXT NOT NULL UNIQUE,
    actor_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    done_on     TEXT COLLATE "C" NOT NULL,
    note        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS campaign_actions_group
    ON campaign_actions (negotiation_id, group_id)`,
  // Counts of states per round as sources give them (kind 'attended', 'endorsed', 'adopted'),
  // listed in the order added.
  `CREATE TABLE IF NOT EXISTS round_counts (
    seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    round_id TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('attended', 'endorsed', 'adopted')),
    count    INTEGER NOT NULL,
    as_of    TEXT,
    note     TEXT NOT NULL,
    source   TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS round_counts_negotiation ON round_counts (negotiation_id, round_id)`,
  // Each state's treaty status as the depositary lists it (NULL: unknown).
  `CREATE TABLE IF NOT EXISTS treaty_status (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    actor_id     TEXT COLLATE "C" NOT NULL,
    signature    TEXT,
    action_date  TEXT,
    action       TEXT,
    provisional_application TEXT,
    declarations TEXT NOT NULL,
    source       TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, actor_id)
  )`,
]
