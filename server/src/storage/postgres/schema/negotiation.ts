// The negotiation tables in PostgreSQL: proposals with their history and positions,
// participants, memberships and groups, invitations, the event log, rounds with their frozen
// texts, and parallel sessions. They mirror sqlite/migrations.ts column for column, with these
// differences, each for a reason:
// - flags are boolean, Yjs states bytea; JSON stays in text columns (stored as the SQLite store
//   writes it, so it reads back equal, keys in the order written);
// - columns that lists are ordered by, or compared as ISO timestamps, are COLLATE "C", so that
//   they sort byte-wise as SQLite's BINARY does whatever the database's locale;
// - the event log numbers each negotiation's events under a per-negotiation row lock
//   (event_seqs), so that seqs commit in their order and a reader polling `afterSeq` never skips
//   one that commits late (a shared bigserial does not hold that; ../shared/notes/pointers.md B);
// - invitations carry an insertion number, the tie-break SQLite's rowid gives their list.
// Every statement is idempotent: the migration runner composes these with the other areas'.
// The tables reference `negotiations` and `accounts` (schema/core.ts), which come first.

/** The plpgsql function every append-only table of this area triggers on UPDATE and DELETE. */
const refuseChange = `
CREATE OR REPLACE FUNCTION negotiation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$`

// UPDATE and DELETE row by row as SQLite's triggers, and TRUNCATE too (it skips row triggers).
const appendOnly = (table: string): string[] => [
  `CREATE OR REPLACE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION negotiation_append_only()`,
  `CREATE OR REPLACE TRIGGER ${table}_append_only_truncate BEFORE TRUNCATE ON ${table}
     FOR EACH STATEMENT EXECUTE FUNCTION negotiation_append_only()`,
]

/** The DDL of the negotiation stores, in order; each statement may run again harmlessly. */
export const negotiationDdl: string[] = [
  refuseChange,
  // The rounds (conferences, sessions) of a negotiation, in order.
  `CREATE TABLE IF NOT EXISTS rounds (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    position   INTEGER NOT NULL,
    id         TEXT NOT NULL,
    name       TEXT NOT NULL,
    place      TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    outcome    TEXT,
    verified   BOOLEAN NOT NULL,
    opened_at  TEXT,
    closed_at  TEXT,
    PRIMARY KEY (negotiation_id, id)
  )`,
  // The whole text as it stood when a round closed: ProseMirror JSON and the Yjs state. Frozen.
  `CREATE TABLE IF NOT EXISTS round_snapshots (
    negotiation_id TEXT NOT NULL,
    round_id       TEXT NOT NULL,
    name           TEXT NOT NULL,
    closed_at      TEXT NOT NULL,
    closed_by      TEXT NOT NULL,
    doc            TEXT NOT NULL,
    state          BYTEA NOT NULL,
    synthetic      BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (negotiation_id, round_id),
    FOREIGN KEY (negotiation_id, round_id) REFERENCES rounds (negotiation_id, id)
  )`,
  ...appendOnly('round_snapshots'),
  // Groups of a negotiation: campaign groups and coalitions (a delegation's is never stored).
  `CREATE TABLE IF NOT EXISTS campaign_groups (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id             TEXT COLLATE "C" NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL DEFAULT 'campaign' CHECK (kind IN ('campaign', 'coalition')),
    source         TEXT NOT NULL DEFAULT '',
    provenance     TEXT NOT NULL DEFAULT 'recorded'
      CHECK (provenance IN ('reported', 'recorded', 'synthetic')),
    PRIMARY KEY (negotiation_id, id)
  )`,
  // One role per person per negotiation: chair, delegate of actor_id, campaigner in group_id,
  // or observer.
  `CREATE TABLE IF NOT EXISTS memberships (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('chair', 'delegate', 'campaigner', 'observer')),
    actor_id       TEXT,
    group_id       TEXT,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, account_id),
    CHECK ((role = 'delegate') = (actor_id IS NOT NULL)),
    CHECK ((role = 'campaigner') = (group_id IS NOT NULL))
  )`,
  'CREATE INDEX IF NOT EXISTS memberships_account ON memberships (account_id)',
  // A coalition's members from a round on ('' = from the start); a later list replaces it.
  `CREATE TABLE IF NOT EXISTS coalition_members (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    group_id  TEXT COLLATE "C" NOT NULL,
    round_id  TEXT COLLATE "C" NOT NULL,
    actor_ids TEXT NOT NULL,
    set_at    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (negotiation_id, group_id, round_id)
  )`,
  // Invitation links, by the hash of their token; seq keeps the order they were made in.
  `CREATE TABLE IF NOT EXISTS invitations (
    token_hash     TEXT PRIMARY KEY,
    seq            BIGINT GENERATED ALWAYS AS IDENTITY,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    role           TEXT NOT NULL,
    actor_id       TEXT,
    group_id       TEXT,
    created_by     TEXT NOT NULL REFERENCES accounts (id),
    created_at     TEXT COLLATE "C" NOT NULL,
    expires_at     TEXT COLLATE "C" NOT NULL,
    used_by        TEXT REFERENCES accounts (id),
    used_at        TEXT
  )`,
  'CREATE INDEX IF NOT EXISTS invitations_negotiation ON invitations (negotiation_id)',
  // The actors taking part in a negotiation, with the flags of the Oslo Process spreadsheet.
  `CREATE TABLE IF NOT EXISTS participants (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    actor_id       TEXT COLLATE "C" NOT NULL,
    user_state     BOOLEAN NOT NULL DEFAULT false,
    producer       BOOLEAN NOT NULL DEFAULT false,
    stockpiler     BOOLEAN NOT NULL DEFAULT false,
    affected       BOOLEAN NOT NULL DEFAULT false,
    note           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (negotiation_id, actor_id)
  )`,
  // Per round: whether the actor attended, and whether it endorsed the round's declaration.
  `CREATE TABLE IF NOT EXISTS participant_rounds (
    negotiation_id TEXT NOT NULL,
    actor_id       TEXT COLLATE "C" NOT NULL,
    round_id       TEXT NOT NULL,
    attended       BOOLEAN NOT NULL DEFAULT false,
    endorsed       BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (negotiation_id, actor_id, round_id),
    FOREIGN KEY (negotiation_id, actor_id) REFERENCES participants (negotiation_id, actor_id)
      ON DELETE CASCADE
  )`,
  // Proposals (amendments): JSON columns hold values the domain validates.
  `CREATE TABLE IF NOT EXISTS proposals (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id           TEXT COLLATE "C" NOT NULL,
    kind         TEXT NOT NULL,
    params       TEXT NOT NULL,
    title        TEXT NOT NULL,
    sponsors     TEXT NOT NULL,
    co_sponsors  TEXT NOT NULL,
    article_id   TEXT,
    anchor       TEXT,
    wording      TEXT,
    wording_text TEXT NOT NULL,
    rationale    TEXT NOT NULL,
    status       TEXT NOT NULL,
    tabled_seq   INTEGER,
    created_at   TEXT COLLATE "C" NOT NULL,
    created_by   TEXT NOT NULL,
    synthetic    BOOLEAN NOT NULL DEFAULT false,
    coalition_id TEXT,
    PRIMARY KEY (negotiation_id, id),
    UNIQUE (negotiation_id, tabled_seq)
  )`,
  // Every change of a proposal's status, append-only: the proposal's history.
  `CREATE TABLE IF NOT EXISTS proposal_status_changes (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id TEXT NOT NULL,
    proposal_id    TEXT NOT NULL,
    from_status    TEXT,
    to_status      TEXT NOT NULL,
    by_account_id  TEXT NOT NULL,
    by_name        TEXT NOT NULL,
    actor_id       TEXT,
    at             TEXT NOT NULL,
    round_id       TEXT,
    deferred_to    TEXT,
    note           TEXT,
    FOREIGN KEY (negotiation_id, proposal_id) REFERENCES proposals (negotiation_id, id)
  )`,
  `CREATE INDEX IF NOT EXISTS proposal_status_changes_proposal
    ON proposal_status_changes (negotiation_id, proposal_id, seq)`,
  ...appendOnly('proposal_status_changes'),
  // Positions of actors on proposals, append-only: a later one supersedes, none is lost.
  `CREATE TABLE IF NOT EXISTS positions (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id TEXT NOT NULL,
    id             TEXT NOT NULL UNIQUE,
    proposal_id    TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    stance         TEXT NOT NULL,
    round_id       TEXT,
    source         TEXT NOT NULL,
    quote          TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    synthetic      BOOLEAN NOT NULL DEFAULT false,
    provenance     TEXT,
    record_key     TEXT,
    FOREIGN KEY (negotiation_id, proposal_id) REFERENCES proposals (negotiation_id, id)
  )`,
  'CREATE INDEX IF NOT EXISTS positions_proposal ON positions (negotiation_id, proposal_id, seq)',
  ...appendOnly('positions'),
  // The last event seq given out in each negotiation; its row is locked until the event commits.
  `CREATE TABLE IF NOT EXISTS event_seqs (
    negotiation_id TEXT PRIMARY KEY REFERENCES negotiations (id),
    seq            BIGINT NOT NULL
  )`,
  // The event log of every negotiation: who did what, for which actor, when, in which round.
  // Append-only; seq orders it within the negotiation.
  `CREATE TABLE IF NOT EXISTS events (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    seq            BIGINT NOT NULL,
    type           TEXT NOT NULL,
    at             TEXT NOT NULL,
    account_id     TEXT,
    by_name        TEXT NOT NULL,
    actor_id       TEXT,
    round_id       TEXT,
    article_id     TEXT,
    proposal_id    TEXT,
    data           TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, seq)
  )`,
  'CREATE INDEX IF NOT EXISTS events_article ON events (negotiation_id, article_id, seq)',
  'CREATE INDEX IF NOT EXISTS events_proposal ON events (negotiation_id, proposal_id, seq)',
  ...appendOnly('events'),
  // Parallel sessions with their facilitators (not sign-in sessions); JSON columns hold ids.
  `CREATE TABLE IF NOT EXISTS conference_sessions (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id           TEXT COLLATE "C" NOT NULL,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL
      CHECK (kind IN ('informal-consultations', 'contact-group', 'friends-of-the-chair')),
    facilitators TEXT NOT NULL,
    article_ids  TEXT NOT NULL,
    issue_ids    TEXT NOT NULL,
    day          TEXT COLLATE "C",
    start_time   TEXT COLLATE "C",
    end_time     TEXT,
    place        TEXT NOT NULL,
    open         BOOLEAN NOT NULL,
    attendee_actor_ids   TEXT NOT NULL,
    attendee_account_ids TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('scheduled', 'in-session', 'reported-back')),
    round_id     TEXT,
    opened_at    TEXT,
    reported_at  TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    provenance   TEXT NOT NULL CHECK (provenance IN ('recorded', 'synthetic')),
    PRIMARY KEY (negotiation_id, id)
  )`,
  // What the chair did with each article of a session's text, append-only.
  `CREATE TABLE IF NOT EXISTS session_outcomes (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    session_id  TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'left')),
    at          TEXT NOT NULL,
    by_account  TEXT NOT NULL,
    by_name     TEXT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS session_outcomes_session
    ON session_outcomes (negotiation_id, session_id)`,
  ...appendOnly('session_outcomes'),
]
