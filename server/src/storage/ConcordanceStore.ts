import type { Concordance, NewConcordance } from '../../../shared/domain/concordance'

/** The chair's renumberings of each negotiation's text (old → new labels), append-only. */
export interface ConcordanceStore {
  /** A negotiation's renumberings, oldest first. */
  list(negotiationId: string): Promise<Concordance[]>
}

/** Appends inside `storage.atomically`, so a renumbering commits with its text change and event. */
export interface ConcordanceWrites {
  /** Appends one renumbering; answers it with its `seq` in the negotiation. */
  append(concordance: NewConcordance): Promise<Concordance>
}
