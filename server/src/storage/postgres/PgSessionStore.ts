import type { SessionOutcome } from '../../../../shared/domain/sessions'
import type {
  CreateSessionResult,
  SessionStore,
  SessionWrites,
  StoredSession,
} from '../SessionStore'
import type { PgQueryable } from './storeTransaction'

interface OutcomeRow {
  article_id: string
  outcome: SessionOutcome['outcome']
  at: string
  by_account: string
  by_name: string
}

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
  open: boolean
  attendee_actor_ids: string
  attendee_account_ids: string
  status: StoredSession['status']
  round_id: string | null
  opened_at: string | null
  reported_at: string | null
  created_at: string
  created_by: string
  provenance: StoredSession['provenance']
  /** The session's outcomes in the order appended, aggregated by the same statement. */
  outcomes: OutcomeRow[]
}

const ids = (json: string): string[] => JSON.parse(json) as string[]

const toOutcome = (r: OutcomeRow): SessionOutcome => ({
  articleId: r.article_id,
  outcome: r.outcome,
  at: r.at,
  byAccountId: r.by_account,
  byName: r.by_name,
})

const toSession = (r: SessionRow): StoredSession => ({
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
  open: r.open,
  attendeeActorIds: ids(r.attendee_actor_ids),
  attendeeAccountIds: ids(r.attendee_account_ids),
  status: r.status,
  roundId: r.round_id,
  openedAt: r.opened_at,
  reportedAt: r.reported_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  provenance: r.provenance,
  outcomes: r.outcomes.map(toOutcome),
})

// Every column but the keys, in the order of `values` below ($3 on).
const FIELDS = [
  'name',
  'kind',
  'facilitators',
  'article_ids',
  'issue_ids',
  'day',
  'start_time',
  'end_time',
  'place',
  'open',
  'attendee_actor_ids',
  'attendee_account_ids',
  'status',
  'round_id',
  'opened_at',
  'reported_at',
  'created_at',
  'created_by',
  'provenance',
]

const values = (s: StoredSession): unknown[] => [
  s.negotiationId,
  s.id,
  s.name,
  s.kind,
  JSON.stringify(s.facilitators),
  JSON.stringify(s.articleIds),
  JSON.stringify(s.issueIds),
  s.day,
  s.startTime,
  s.endTime,
  s.place,
  !!s.open,
  JSON.stringify(s.attendeeActorIds),
  JSON.stringify(s.attendeeAccountIds),
  s.status,
  s.roundId,
  s.openedAt,
  s.reportedAt,
  s.createdAt,
  s.createdBy,
  s.provenance,
]

const SELECT = `SELECT s.negotiation_id, s.id, ${FIELDS.map((f) => `s.${f}`).join(', ')},
    COALESCE((SELECT json_agg(json_build_object('article_id', o.article_id,
        'outcome', o.outcome, 'at', o.at, 'by_account', o.by_account, 'by_name', o.by_name)
        ORDER BY o.seq)
      FROM session_outcomes o
      WHERE o.negotiation_id = s.negotiation_id AND o.session_id = s.id), '[]') AS outcomes
  FROM conference_sessions s`

/** Parallel sessions and their outcomes (append-only by trigger) in PostgreSQL. */
export class PgSessionStore implements SessionStore, SessionWrites {
  constructor(private readonly db: PgQueryable) {}

  /** The same object: its writes are the ones `storage.atomically` hands out. */
  get writes(): SessionWrites {
    return this
  }

  /** The sessions of a negotiation by day, start time and id (unset last), with outcomes. */
  async list(negotiationId: string): Promise<StoredSession[]> {
    const { rows } = await this.db.query<SessionRow>(
      `${SELECT} WHERE s.negotiation_id = $1
       ORDER BY s.day IS NULL, s.day, s.start_time IS NULL, s.start_time, s.id`,
      [negotiationId],
    )
    return rows.map(toSession)
  }

  /** One session with its outcomes, or null. */
  async get(negotiationId: string, sessionId: string): Promise<StoredSession | null> {
    const { rows } = await this.db.query<SessionRow>(
      `${SELECT} WHERE s.negotiation_id = $1 AND s.id = $2`,
      [negotiationId, sessionId],
    )
    return rows[0] ? toSession(rows[0]) : null
  }

  /** Stores a new session unless its id is taken in the negotiation. */
  async create(session: StoredSession): Promise<CreateSessionResult> {
    const params = FIELDS.map((_, i) => `$${i + 3}`).join(', ')
    const { rowCount } = await this.db.query(
      `INSERT INTO conference_sessions (negotiation_id, id, ${FIELDS.join(', ')})
       VALUES ($1, $2, ${params}) ON CONFLICT DO NOTHING`,
      values(session),
    )
    return (rowCount ?? 0) > 0 ? { ok: true } : { ok: false, reason: 'id-taken' }
  }

  /** Replaces a stored session's fields. */
  async update(session: StoredSession): Promise<void> {
    const set = FIELDS.map((f, i) => `${f} = $${i + 3}`).join(', ')
    await this.db.query(
      `UPDATE conference_sessions SET ${set} WHERE negotiation_id = $1 AND id = $2`,
      values(session),
    )
  }

  /** Appends what the chair did with one article of the session's text. */
  async addOutcome(negotiationId: string, sessionId: string, o: SessionOutcome): Promise<void> {
    await this.db.query(
      `INSERT INTO session_outcomes
         (negotiation_id, session_id, article_id, outcome, at, by_account, by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [negotiationId, sessionId, o.articleId, o.outcome, o.at, o.byAccountId, o.byName],
    )
  }
}
