import type { EventFilter, NegotiationEvent, NewEvent } from '../../../shared/domain/events'

/**
 * The append-only event log of each negotiation. Reads and appends outside a command return
 * promises (a PostgreSQL implementation can sit beside SQLite); a command appends with
 * `EventWrites` inside `storage.atomically`, so its event commits with its own writes.
 */
export interface EventStore {
  /** Appends one event on its own (e.g. a summary of text edits); answers it with its `seq`. */
  append(event: NewEvent): Promise<NegotiationEvent>
  /** A negotiation's events in log order (or newest first), narrowed by `filter`. */
  list(negotiationId: string, filter?: EventFilter): Promise<NegotiationEvent[]>
}

/** Appends inside `storage.atomically` (await each), committed or rolled back with the rest. */
export interface EventWrites {
  /** Appends one event; answers it with its `seq`. */
  append(event: NewEvent): Promise<NegotiationEvent>
}
