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
  `
  -- Proposals (amendments) of a negotiation: JSON columns hold values the domain validates
  -- (params, sponsors, the anchor's Yjs relative positions, the tabled wording).
  CREATE TABLE proposals (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id           TEXT NOT NULL,
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
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    synthetic    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (negotiation_id, id),
    UNIQUE (negotiation_id, tabled_seq)
  );
  -- Every change of a proposal's status, append-only: the proposal's history.
  CREATE TABLE proposal_status_changes (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
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
  );
  CREATE INDEX proposal_status_changes_proposal
    ON proposal_status_changes (negotiation_id, proposal_id, seq);
  -- Positions of actors on proposals, append-only: a later one supersedes, none is lost.
  CREATE TABLE positions (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
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
    synthetic      INTEGER NOT NULL DEFAULT 0,
    FOREIGN KEY (negotiation_id, proposal_id) REFERENCES proposals (negotiation_id, id)
  );
  CREATE INDEX positions_proposal ON positions (negotiation_id, proposal_id, seq);
  CREATE TRIGGER proposal_status_changes_append_only_u BEFORE UPDATE ON proposal_status_changes
    BEGIN SELECT RAISE(ABORT, 'proposal_status_changes is append-only'); END;
  CREATE TRIGGER proposal_status_changes_append_only_d BEFORE DELETE ON proposal_status_changes
    BEGIN SELECT RAISE(ABORT, 'proposal_status_changes is append-only'); END;
  CREATE TRIGGER positions_append_only_u BEFORE UPDATE ON positions
    BEGIN SELECT RAISE(ABORT, 'positions is append-only'); END;
  CREATE TRIGGER positions_append_only_d BEFORE DELETE ON positions
    BEGIN SELECT RAISE(ABORT, 'positions is append-only'); END;
  `,
  `
  -- The event log of every negotiation: who did what, for which actor, when, in which round.
  -- Append-only; seq orders it.
  CREATE TABLE events (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    type           TEXT NOT NULL,
    at             TEXT NOT NULL,
    account_id     TEXT,
    by_name        TEXT NOT NULL,
    actor_id       TEXT,
    round_id       TEXT,
    article_id     TEXT,
    proposal_id    TEXT,
    data           TEXT NOT NULL
  );
  CREATE INDEX events_negotiation ON events (negotiation_id, seq);
  CREATE INDEX events_article ON events (negotiation_id, article_id, seq);
  CREATE INDEX events_proposal ON events (negotiation_id, proposal_id, seq);
  CREATE TRIGGER events_append_only_u BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
  CREATE TRIGGER events_append_only_d BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
  -- A round is planned until opened, open until closed; at most one is open at a time.
  ALTER TABLE rounds ADD COLUMN opened_at TEXT;
  ALTER TABLE rounds ADD COLUMN closed_at TEXT;
  -- The whole text as it stood when a round closed: ProseMirror JSON and the Yjs state. Frozen.
  CREATE TABLE round_snapshots (
    negotiation_id TEXT NOT NULL,
    round_id       TEXT NOT NULL,
    name           TEXT NOT NULL,
    closed_at      TEXT NOT NULL,
    closed_by      TEXT NOT NULL,
    doc            TEXT NOT NULL,
    state          BLOB NOT NULL,
    synthetic      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (negotiation_id, round_id),
    FOREIGN KEY (negotiation_id, round_id) REFERENCES rounds (negotiation_id, id)
  );
  CREATE TRIGGER round_snapshots_frozen_u BEFORE UPDATE ON round_snapshots
    BEGIN SELECT RAISE(ABORT, 'round_snapshots is append-only'); END;
  CREATE TRIGGER round_snapshots_frozen_d BEFORE DELETE ON round_snapshots
    BEGIN SELECT RAISE(ABORT, 'round_snapshots is append-only'); END;
  `,
  `
  -- The chair's document symbol and distribution per text as circulated (round_key '' for the
  -- live text), and when each account last read the report of a negotiation.
  CREATE TABLE document_settings (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    round_key      TEXT NOT NULL,
    symbol         TEXT NOT NULL,
    distribution   TEXT NOT NULL CHECK (distribution IN ('general', 'limited')),
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, round_key)
  );
  CREATE TABLE report_visits (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    visited_at     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, account_id)
  );
  `,
  `
  -- The search index, a cache rebuilt from rooms and tables: each source of a negotiation (a
  -- text, the proposals, the events, a notes room) holds units replaced whole when their digest
  -- changes; search_docs says what each FTS5 row is and who may read it (audience).
  CREATE TABLE search_docs (
    id             INTEGER PRIMARY KEY,
    negotiation_id TEXT NOT NULL,
    source         TEXT NOT NULL,
    unit           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    ref_id         TEXT NOT NULL,
    article_id     TEXT,
    clause         INTEGER,
    audience       TEXT NOT NULL,
    label          TEXT NOT NULL
  );
  CREATE INDEX search_docs_unit ON search_docs (negotiation_id, source, unit);
  CREATE VIRTUAL TABLE search_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
  CREATE TABLE search_units (
    negotiation_id TEXT NOT NULL,
    source         TEXT NOT NULL,
    unit           TEXT NOT NULL,
    digest         TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, source, unit)
  );
  CREATE TABLE search_markers (
    negotiation_id TEXT NOT NULL,
    source         TEXT NOT NULL,
    marker         INTEGER NOT NULL,
    PRIMARY KEY (negotiation_id, source)
  );
  `,
  `
  -- The chair's renumberings of a text (schema 3): old → new labels of articles (by id) and of
  -- clauses (article id and index in reading order), as JSON, with who and when. Never rewritten.
  CREATE TABLE concordances (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    account_id TEXT,
    by_name    TEXT NOT NULL,
    articles   TEXT NOT NULL,
    clauses    TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, seq)
  );
  CREATE TRIGGER concordances_append_only_u BEFORE UPDATE ON concordances
    BEGIN SELECT RAISE(ABORT, 'concordances is append-only'); END;
  CREATE TRIGGER concordances_append_only_d BEFORE DELETE ON concordances
    BEGIN SELECT RAISE(ABORT, 'concordances is append-only'); END;
  `,
  // One-time data steps done at start (such as freezing the numbers of texts circulated before
  // schema 3), so that a restart does not load every text again to find nothing to do.
  `
  CREATE TABLE data_steps (
    name    TEXT PRIMARY KEY,
    done_at TEXT NOT NULL
  );
  `,
  `
  -- Who stands where (issue 12). Issues in a hierarchy with their links as JSON arrays.
  CREATE TABLE issues (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id           TEXT NOT NULL,
    parent_id    TEXT,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL,
    article_ids  TEXT NOT NULL,
    bracket_ids  TEXT NOT NULL,
    proposal_ids TEXT NOT NULL,
    position     INTEGER NOT NULL,
    source       TEXT NOT NULL,
    provenance   TEXT NOT NULL CHECK (provenance IN ('reported', 'recorded', 'synthetic')),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  );
  -- What actors said, each in the record of whoever heard it ('secretariat', 'delegation:FRA',
  -- 'group:cmc'); target_kind 'issue' or 'proposal'. Append-only: a later entry supersedes.
  CREATE TABLE statements (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
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
    provenance     TEXT NOT NULL CHECK (provenance IN ('reported', 'recorded', 'synthetic')),
    record_key     TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
  );
  CREATE INDEX statements_negotiation ON statements (negotiation_id, record_key);
  CREATE TRIGGER statements_append_only_u BEFORE UPDATE ON statements
    BEGIN SELECT RAISE(ABORT, 'statements is append-only'); END;
  CREATE TRIGGER statements_append_only_d BEFORE DELETE ON statements
    BEGIN SELECT RAISE(ABORT, 'statements is append-only'); END;
  -- A group publishing one entry of its record: once, never taken back silently.
  CREATE TABLE statement_publications (
    statement_id TEXT PRIMARY KEY REFERENCES statements (id),
    published_at TEXT NOT NULL,
    by_name      TEXT NOT NULL
  );
  CREATE TRIGGER statement_publications_append_only_u BEFORE UPDATE ON statement_publications
    BEGIN SELECT RAISE(ABORT, 'statement_publications is append-only'); END;
  CREATE TRIGGER statement_publications_append_only_d BEFORE DELETE ON statement_publications
    BEGIN SELECT RAISE(ABORT, 'statement_publications is append-only'); END;
  -- Positions on proposals gain their provenance and record (NULL: read as before).
  ALTER TABLE positions ADD COLUMN provenance TEXT;
  ALTER TABLE positions ADD COLUMN record_key TEXT;
  -- Briefing papers on an issue (group_id NULL: the secretariat's), every version kept.
  CREATE TABLE papers (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id         TEXT NOT NULL,
    issue_id   TEXT NOT NULL,
    group_id   TEXT,
    published  INTEGER NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('reported', 'recorded', 'synthetic')),
    source     TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  );
  CREATE TABLE paper_versions (
    negotiation_id TEXT NOT NULL,
    paper_id TEXT NOT NULL,
    version  INTEGER NOT NULL,
    title    TEXT NOT NULL,
    body     TEXT NOT NULL,
    at       TEXT NOT NULL,
    by_name  TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, paper_id, version)
  );
  CREATE TRIGGER paper_versions_append_only_u BEFORE UPDATE ON paper_versions
    BEGIN SELECT RAISE(ABORT, 'paper_versions is append-only'); END;
  CREATE TRIGGER paper_versions_append_only_d BEFORE DELETE ON paper_versions
    BEGIN SELECT RAISE(ABORT, 'paper_versions is append-only'); END;
  -- Outcome documents and who endorsed them, with the counts sources give (JSON).
  CREATE TABLE declarations (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id              TEXT NOT NULL,
    title           TEXT NOT NULL,
    round_id        TEXT,
    adopted_on      TEXT,
    source          TEXT NOT NULL,
    reported_counts TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, id)
  );
  CREATE TABLE endorsements (
    negotiation_id TEXT NOT NULL,
    declaration_id TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    endorsed_on TEXT,
    source     TEXT NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('reported', 'recorded', 'synthetic')),
    PRIMARY KEY (negotiation_id, declaration_id, actor_id)
  );
  -- A campaign group's target lists (actor ids as JSON) and its actions per state.
  CREATE TABLE target_lists (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    group_id    TEXT NOT NULL,
    id          TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    source      TEXT NOT NULL,
    provenance  TEXT NOT NULL CHECK (provenance IN ('reported', 'recorded', 'synthetic')),
    actor_ids   TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (negotiation_id, group_id, id)
  );
  CREATE TABLE campaign_actions (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    group_id    TEXT NOT NULL,
    id          TEXT NOT NULL UNIQUE,
    actor_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    done_on     TEXT NOT NULL,
    note        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
  );
  CREATE INDEX campaign_actions_group ON campaign_actions (negotiation_id, group_id);
  -- Counts of states per round as sources give them (kind 'attended', 'endorsed', 'adopted').
  CREATE TABLE round_counts (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    round_id TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('attended', 'endorsed', 'adopted')),
    count    INTEGER NOT NULL,
    as_of    TEXT,
    note     TEXT NOT NULL,
    source   TEXT NOT NULL
  );
  CREATE INDEX round_counts_negotiation ON round_counts (negotiation_id, round_id);
  -- Each state's treaty status as the depositary lists it (NULL: unknown).
  CREATE TABLE treaty_status (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    actor_id     TEXT NOT NULL,
    signature    TEXT,
    action_date  TEXT,
    action       TEXT,
    provisional_application TEXT,
    declarations TEXT NOT NULL,
    source       TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, actor_id)
  );
  `,
  `
  -- Many hands (issue 13). Groups of every kind: campaign_groups now also holds coalitions
  -- (a delegation's group is derived from its actor and never stored).
  ALTER TABLE campaign_groups ADD COLUMN kind TEXT NOT NULL DEFAULT 'campaign'
    CHECK (kind IN ('campaign', 'coalition'));
  ALTER TABLE campaign_groups ADD COLUMN source TEXT NOT NULL DEFAULT '';
  ALTER TABLE campaign_groups ADD COLUMN provenance TEXT NOT NULL DEFAULT 'recorded'
    CHECK (provenance IN ('reported', 'recorded', 'synthetic'));
  -- A coalition's members from a round on ('' = from the start); a later list replaces it.
  CREATE TABLE coalition_members (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    group_id  TEXT NOT NULL,
    round_id  TEXT NOT NULL,
    actor_ids TEXT NOT NULL,
    set_at    TEXT NOT NULL,
    PRIMARY KEY (negotiation_id, group_id, round_id)
  );
  -- A proposal drafted in a coalition's name (its members are its sponsors).
  ALTER TABLE proposals ADD COLUMN coalition_id TEXT;
  -- Parallel sessions with their facilitators (not sign-in sessions); JSON columns hold ids.
  CREATE TABLE conference_sessions (
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    id           TEXT NOT NULL,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL
      CHECK (kind IN ('informal-consultations', 'contact-group', 'friends-of-the-chair')),
    facilitators TEXT NOT NULL,
    article_ids  TEXT NOT NULL,
    issue_ids    TEXT NOT NULL,
    day          TEXT,
    start_time   TEXT,
    end_time     TEXT,
    place        TEXT NOT NULL,
    open         INTEGER NOT NULL,
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
  );
  -- What the chair did with each article of a session's text, append-only.
  CREATE TABLE session_outcomes (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    negotiation_id TEXT NOT NULL REFERENCES negotiations (id),
    session_id  TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'left')),
    at          TEXT NOT NULL,
    by_account  TEXT NOT NULL,
    by_name     TEXT NOT NULL
  );
  CREATE INDEX session_outcomes_session ON session_outcomes (negotiation_id, session_id);
  CREATE TRIGGER session_outcomes_append_only_u BEFORE UPDATE ON session_outcomes
    BEGIN SELECT RAISE(ABORT, 'session_outcomes is append-only'); END;
  CREATE TRIGGER session_outcomes_append_only_d BEFORE DELETE ON session_outcomes
    BEGIN SELECT RAISE(ABORT, 'session_outcomes is append-only'); END;
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
