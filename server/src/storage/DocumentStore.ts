import type { DocumentSettings } from '../../../shared/domain/documents'

/** The symbol and distribution the chair set per text of a negotiation (live or a round's). */
export interface DocumentStore {
  /** The settings of one text (roundId null: the live text), or null if none were set. */
  get(negotiationId: string, roundId: string | null): Promise<DocumentSettings | null>
  /** Every text's settings of a negotiation. */
  list(negotiationId: string): Promise<DocumentSettings[]>
  /** Sets (replacing) one text's settings. */
  set(negotiationId: string, settings: DocumentSettings): Promise<void>
}

/** When each account last read a negotiation's report, for "since my last visit". */
export interface VisitStore {
  /** The time of the account's previous visit, or null. */
  last(negotiationId: string, accountId: string): Promise<string | null>
  /** Records a visit at `at`, replacing the previous one. */
  record(negotiationId: string, accountId: string, at: string): Promise<void>
}
