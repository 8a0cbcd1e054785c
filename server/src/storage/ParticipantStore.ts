import type { Participant } from '../../../shared/domain/actors'

/**
 * The actors taking part in each negotiation (the Oslo Process states spreadsheet). Methods
 * return promises so that a PostgreSQL implementation can sit beside SQLite.
 */
export interface ParticipantStore {
  /** The participants of a negotiation, by actor id; each lists only rounds with a record. */
  list(negotiationId: string): Promise<Participant[]>
  /** One participant, or null if the actor does not take part. */
  get(negotiationId: string, actorId: string): Promise<Participant | null>
  /**
   * Reads a participant (null if absent), computes its next value with `change`, and writes it,
   * in one transaction so that concurrent changes to other fields are not lost.
   */
  update(
    negotiationId: string,
    actorId: string,
    change: (current: Participant | null) => Participant,
  ): Promise<Participant>
  /** Removes an actor from a negotiation with its round records; says whether it took part. */
  remove(negotiationId: string, actorId: string): Promise<boolean>
  /** Replaces every participant of a negotiation, all or nothing. */
  replaceAll(negotiationId: string, participants: readonly Participant[]): Promise<void>
}

/** Writes of participants inside `storage.atomically` (await each), committed with the rest. */
export interface ParticipantWrites {
  /** Replaces every participant of a negotiation. */
  replaceAll(negotiationId: string, participants: readonly Participant[]): Promise<void>
}
