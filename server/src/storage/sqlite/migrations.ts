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
