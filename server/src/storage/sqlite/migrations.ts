import type Database from 'better-sqlite3'

// Each entry moves the database one version up; never edit one that has shipped, append instead.
const MIGRATIONS: string[] = [
  `
  CREATE TABLE negotiations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  -- Append-only log of Yjs updates per room; seq orders them globally.
  CREATE TABLE room_updates (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    room   TEXT NOT NULL,
    update_data BLOB NOT NULL
  );
  CREATE INDEX room_updates_room_seq ON room_updates (room, seq);
  -- One snapshot per room: the state of every update up to and including upto_seq.
  CREATE TABLE room_snapshots (
    room     TEXT PRIMARY KEY,
    snapshot BLOB NOT NULL,
    upto_seq INTEGER NOT NULL
  );
  `,
  `
  -- The rounds (conferences, sessions) of a negotiation, in order.
  CREATE TABLE rounds (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    position   INTEGER NOT NULL,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    place      TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    outcome    TEXT,
    verified   INTEGER NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  );
  `,
  `
  -- People. Passwords and tokens are stored only as hashes (scrypt for passwords, SHA-256 for
  -- random session, API and invitation tokens).
  CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
  );
  CREATE INDEX sessions_account ON sessions (account_id);
  CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    last_used_at TEXT
  );
  -- Campaign groups of a negotiation; a group's notes room is <negotiation>/notes/<id>.
  CREATE TABLE campaign_groups (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id             TEXT NOT NULL,
    name           TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  );
  -- One role per person per negotiation: chair, delegate of actor_id, campaigner in group_id,
  -- or observer.
  CREATE TABLE memberships (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('chair', 'delegate', 'campaigner', 'observer')),
    actor_id       TEXT,
    group_id       TEXT,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, account_id),
    CHECK ((role = 'delegate') = (actor_id IS NOT NULL)),
    CHECK ((role = 'campaigner') = (group_id IS NOT NULL))
  );
  CREATE TABLE invitations (
    token_hash     TEXT PRIMARY KEY,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    role           TEXT NOT NULL,
    actor_id       TEXT,
    group_id       TEXT,
    created_by     TEXT NOT NULL REFERENCES accounts (id),
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_by        TEXT REFERENCES accounts (id),
    used_at        TEXT
  );
  `,
  `
  -- The actors taking part in a negotiation (states by ISO 3166 alpha-3, organisations by
  -- slug), with the flags of the Oslo Process states spreadsheet.
  CREATE TABLE participants (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    actor_id       TEXT NOT NULL,
    user_state     INTEGER NOT NULL DEFAULT 0,
    producer       INTEGER NOT NULL DEFAULT 0,
    stockpiler     INTEGER NOT NULL DEFAULT 0,
    affected       INTEGER NOT NULL DEFAULT 0,
    note           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (negotiation_id, actor_id)
  );
  -- Per round: whether the actor attended, and whether it endorsed the round's declaration.
  CREATE TABLE participant_rounds (
    negotiation_id TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    round_id       TEXT NOT NULL,
    attended       INTEGER NOT NULL DEFAULT 0,
    endorsed       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (negotiation_id, actor_id, round_id),
    FOREIGN KEY (negotiation_id, actor_id) REFERENCES participants (negotiation_id, actor_id)
      ON DELETE CASCADE
  );
  `,
]

/** Brings a database up to the current schema version, in one transaction per step. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${current + i + 1}`)
    })()
  })
}
