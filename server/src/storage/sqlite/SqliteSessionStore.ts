import type Database from 'better-sqlite3'
import type { SessionOutcome } from '../../../../shared/domain/sessions'
import type { SessionStore, SessionWrites, StoredSession } from '../SessionStore'
import type { Synchronous } from './promised'

interface SessionRow {
  negotiation_id: string
  id: string
  name: string
  kind: StoredSession['kind']
  facilitators: string
  article_ids: string
  issue_ids: string
  day: string | null
  start_time: string | null
  end_time: string | null
  place: string
  open: number
  attendee_actor_ids: string
  attendee_account_ids: string
  status: StoredSession['status']
  round_id: string | null
  opened_at: string | null
  reported_at: string | null
  created_at: string
  created_by: string
  provenance: StoredSession['provenance']
}

interface OutcomeRow {
  session_id: string
  article_id: string
  outcome: SessionOutcome['outcome']
  at: string
  by_account: string
  by_name: string
}

const COLUMNS = `negotiation_id, id, name, kind, facilitators, article_ids, issue_ids, day,
  start_time, end_time, place, open, attendee_actor_ids, attendee_account_ids, status, round_id,
  opened_at, reported_at, created_at, created_by, provenance`

const toRow = (s: StoredSession): SessionRow => ({
  negotiation_id: s.negotiationId,
  id: s.id,
  name: s.name,
  kind: s.kind,
  facilitators: JSON.stringify(s.facilitators),
  article_ids: JSON.stringify(s.articleIds),
  issue_ids: JSON.stringify(s.issueIds),
  day: s.day,
  start_time: s.startTime,
  end_time: s.endTime,
  place: s.place,
  open: s.open ? 1 : 0,
  attendee_actor_ids: JSON.stringify(s.attendeeActorIds),
  attendee_account_ids: JSON.stringify(s.attendeeAccountIds),
  status: s.status,
  round_id: s.roundId,
  opened_at: s.openedAt,
  reported_at: s.reportedAt,
  created_at: s.createdAt,
  created_by: s.createdBy,
  provenance: s.provenance,
})

const ids = (json: string): string[] => JSON.parse(json) as string[]

const toSession = (r: SessionRow, outcomes: SessionOutcome[]): StoredSession => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  name: r.name,
  kind: r.kind,
  facilitators: ids(r.facilitators),
  articleIds: ids(r.article_ids),
  issueIds: ids(r.issue_ids),
  day: r.day,
  startTime: r.start_time,
  endTime: r.end_time,
  place: r.place,
  open: r.open === 1,
  attendeeActorIds: ids(r.attendee_actor_ids),
  attendeeAccountIds: ids(r.attendee_account_ids),
  status: r.status,
  roundId: r.round_id,
  openedAt: r.opened_at,
  reportedAt: r.reported_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  provenance: r.provenance,
  outcomes,
})

const toOutcome = (r: OutcomeRow): SessionOutcome => ({
  articleId: r.article_id,
  outcome: r.outcome,
  at: r.at,
  byAccountId: r.by_account,
  byName: r.by_name,
})

/** Sessions and their outcomes in the shared SQLite database. */
export class SqliteSessionStore implements SessionStore {
  private readonly stmt

  constructor(db: Database.Database) {
    const named = COLUMNS.split(',')
      .map((c) => `@${c.trim()}`)
      .join(', ')
    this.stmt = {
      list: db.prepare<[string], SessionRow>(
        `SELECT ${COLUMNS} FROM conference_sessions WHERE negotiation_id = ?
         ORDER BY day IS NULL, day, start_time IS NULL, start_time, id`,
      ),
      get: db.prepare<[string, string], SessionRow>(
        `SELECT ${COLUMNS} FROM conference_sessions WHERE negotiation_id = ? AND id = ?`,
      ),
      outcomes: db.prepare<[string], OutcomeRow>(
        `SELECT session_id, article_id, outcome, at, by_account, by_name FROM session_outcomes
         WHERE negotiation_id = ? ORDER BY seq`,
      ),
      outcomesOf: db.prepare<[string, string], OutcomeRow>(
        `SELECT session_id, article_id, outcome, at, by_account, by_name FROM session_outcomes
         WHERE negotiation_id = ? AND session_id = ? ORDER BY seq`,
      ),
      insert: db.prepare<[SessionRow]>(
        `INSERT INTO conference_sessions (${COLUMNS}) VALUES (${named}) ON CONFLICT DO NOTHING`,
      ),
      update: db.prepare<[SessionRow]>(
        `UPDATE conference_sessions SET name = @name, kind = @kind, facilitators = @facilitators,
           article_ids = @article_ids, issue_ids = @issue_ids, day = @day,
           start_time = @start_time, end_time = @end_time, place = @place, open = @open,
           attendee_actor_ids = @attendee_actor_ids, attendee_account_ids = @attendee_account_ids,
           status = @status, round_id = @round_id, opened_at = @opened_at,
           reported_at = @reported_at, created_at = @created_at, created_by = @created_by,
           provenance = @provenance
         WHERE negotiation_id = @negotiation_id AND id = @id`,
      ),
      addOutcome: db.prepare<[string, string, string, string, string, string, string]>(
        `INSERT INTO session_outcomes
           (negotiation_id, session_id, article_id, outcome, at, by_account, by_name)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    }
  }

  /** The sessions of a negotiation with their outcomes. */
  async list(negotiationId: string): Promise<StoredSession[]> {
    const outcomes = new Map<string, SessionOutcome[]>()
    for (const row of this.stmt.outcomes.all(negotiationId)) {
      const list = outcomes.get(row.session_id) ?? []
      list.push(toOutcome(row))
      outcomes.set(row.session_id, list)
    }
    return this.stmt.list.all(negotiationId).map((r) => toSession(r, outcomes.get(r.id) ?? []))
  }

  /** One session with its outcomes, or null. */
  async get(negotiationId: string, sessionId: string): Promise<StoredSession | null> {
    const row = this.stmt.get.get(negotiationId, sessionId)
    if (!row) return null
    return toSession(row, this.stmt.outcomesOf.all(negotiationId, sessionId).map(toOutcome))
  }

  /** The same writes, synchronous, for `storage.atomically`'s transaction. */
  readonly writes: Synchronous<SessionWrites> = {
    create: (session) => {
      const { changes } = this.stmt.insert.run(toRow(session))
      return changes > 0 ? { ok: true } : { ok: false, reason: 'id-taken' }
    },
    update: (session) => {
      this.stmt.update.run(toRow(session))
    },
    addOutcome: (negotiationId, sessionId, o) => {
      this.stmt.addOutcome.run(
        negotiationId,
        sessionId,
        o.articleId,
        o.outcome,
        o.at,
        o.byAccountId,
        o.byName,
      )
    },
  }
}
