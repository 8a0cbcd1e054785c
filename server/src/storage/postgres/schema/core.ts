// The core tables in PostgreSQL: negotiations, rooms (update logs with a per-room sequence, and
// snapshots), one-time data steps, accounts, sign-in sessions and API tokens, document settings,
// report visits and concordances. They mirror sqlite/migrations.ts with these differences:
// - a room's updates are numbered per room (room_updates.seq, allocated by an UPDATE of the
//   room's room_seqs row in the appending transaction), never by a shared bigserial: seqs commit
//   in their order and without gaps, so an instance that holds a room up to n catches up with
//   `seq > n` and never skips a late commit (../shared/notes/pointers.md B);
// - flags are boolean, Yjs updates bytea, JSON stays text (read back exactly as written);
// - ids and the columns lists are ordered by are COLLATE "C": byte-wise, as SQLite's BINARY;
// - usernames are unique regardless of case by a unique index on lower(username) (SQLite:
//   COLLATE NOCASE).
// Every statement is idempotent; the other areas' tables reference negotiations and accounts,
// so this area runs first.

/** The plpgsql function the append-only tables of this area trigger on UPDATE and DELETE. */
const refuseChange = `
CREATE OR REPLACE FUNCTION core_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$`

/** The DDL of the core stores, in order; each statement may run again harmlessly. */
export const coreDdl: string[] = [
  refuseChange,
  `CREATE TABLE IF NOT EXISTS negotiations (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
  )`,
  // The last sequence number given in each room: the row an append locks and increments.
  `CREATE TABLE IF NOT EXISTS room_seqs (
    room TEXT COLLATE "C" PRIMARY KEY,
    seq  BIGINT NOT NULL
  )`,
  // Append-only log of Yjs updates per room, numbered 1, 2, 3 … in each room.
  `CREATE TABLE IF NOT EXISTS room_updates (
    room        TEXT COLLATE "C" NOT NULL,
    seq         BIGINT NOT NULL,
    update_data BYTEA NOT NULL,
    PRIMARY KEY (room, seq)
  )`,
  // One snapshot per room: the state of every update up to and including upto_seq.
  `CREATE TABLE IF NOT EXISTS room_snapshots (
    room     TEXT COLLATE "C" PRIMARY KEY,
    snapshot BYTEA NOT NULL,
    upto_seq BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS data_steps (
    name    TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS accounts (
    id            TEXT COLLATE "C" PRIMARY KEY,
    username      TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      BOOLEAN NOT NULL DEFAULT false,
    created_at    TEXT COLLATE "C" NOT NULL
  )`,
  `CREATE UNIQUE INDEX IF NOT EXISTS accounts_username ON accounts (lower(username))`,
  `CREATE TABLE IF NOT EXISTS sessions (
    token_hash  TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT COLLATE "C" NOT NULL,
    expires_at  TEXT COLLATE "C" NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS sessions_account ON sessions (account_id)`,
  `CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at)`,
  `CREATE TABLE IF NOT EXISTS api_tokens (
    id           TEXT COLLATE "C" PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    created_at   TEXT COLLATE "C" NOT NULL,
    last_used_at TEXT
  )`,
  `CREATE INDEX IF NOT EXISTS api_tokens_account ON api_tokens (account_id)`,
  // The chair's document symbol and distribution per text (round_key '' for the live text).
  `CREATE TABLE IF NOT EXISTS document_settings (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    round_key      TEXT COLLATE "C" NOT NULL,
    symbol         TEXT NOT NULL,
    distribution   TEXT NOT NULL CHECK (distribution IN ('general', 'limited')),
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, round_key)
  )`,
  `CREATE TABLE IF NOT EXISTS report_visits (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    visited_at     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, account_id)
  )`,
  // The chair's renumberings of a text, as JSON, with who and when. Never rewritten.
  `CREATE TABLE IF NOT EXISTS concordances (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    account_id TEXT,
    by_name    TEXT NOT NULL,
    articles   TEXT NOT NULL,
    clauses    TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, seq)
  )`,
  `CREATE OR REPLACE TRIGGER concordances_append_only BEFORE UPDATE OR DELETE ON concordances
     FOR EACH ROW EXECUTE FUNCTION core_append_only()`,
  `CREATE OR REPLACE TRIGGER concordances_append_only_truncate BEFORE TRUNCATE ON concordances
     FOR EACH STATEMENT EXECUTE FUNCTION core_append_only()`,
]
