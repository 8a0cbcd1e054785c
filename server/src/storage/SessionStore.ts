import type { Session, SessionOutcome } from '../../../shared/domain/sessions'

/** A session as stored: everything but the facilitators' names, which are read from accounts. */
export type StoredSession = Omit<Session, 'facilitatorNames'>

/** The outcome of creating a session: created, or the id is taken in that negotiation. */
export type CreateSessionResult = { ok: true } | { ok: false; reason: 'id-taken' }

/** Parallel sessions and what became of their articles (issue 13). */
export interface SessionStore {
  /** The sessions of a negotiation, by day, start time and id, with their outcomes. */
  list(negotiationId: string): Promise<StoredSession[]>
  /** One session with its outcomes, or null. */
  get(negotiationId: string, sessionId: string): Promise<StoredSession | null>
}

/** Writes of sessions inside `storage.atomically` (await each), committed together. */
export interface SessionWrites {
  /** Stores a new session (its `outcomes` are ignored). */
  create(session: StoredSession): Promise<CreateSessionResult>
  /** Replaces a stored session's fields (all but id, negotiation and outcomes). */
  update(session: StoredSession): Promise<void>
  /** Appends what the chair did with one article of the session's text. */
  addOutcome(negotiationId: string, sessionId: string, outcome: SessionOutcome): Promise<void>
}
