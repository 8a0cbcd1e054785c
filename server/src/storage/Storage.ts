import type { Round, RoundState } from '../../../shared/domain/rounds'
import type { AccountStore } from './AccountStore'
import type { ConcordanceStore, ConcordanceWrites } from './ConcordanceStore'
import type { CredentialStore } from './CredentialStore'
import type { DocumentStore, VisitStore } from './DocumentStore'
import type { EventStore, EventWrites } from './EventStore'
import type { InvitationStore } from './InvitationStore'
import type { MemberStore, MemberWrites } from './MemberStore'
import type { ParticipantStore, ParticipantWrites } from './ParticipantStore'
import type { ProposalStore, ProposalWrites } from './ProposalStore'
import type { RoundStore, RoundWrites } from './RoundStore'
import type { SearchStore } from './SearchStore'
import type { SessionStore, SessionWrites } from './SessionStore'
import type {
  CampaignStore,
  CampaignWrites,
  DeclarationStore,
  DeclarationWrites,
  IssueStore,
  IssueWrites,
} from './StanceStore'

/** A negotiation as stored: the slug that names its rooms, and a display name. */
export interface Negotiation {
  id: string
  name: string
  createdAt: string
}

/** The first state of one room, written together with its negotiation. */
export interface InitialRoom {
  room: string
  update: Uint8Array
}

/** The outcome of creating a negotiation: the stored row, or why not. */
export type CreateNegotiationResult =
  { ok: true; negotiation: Negotiation } | { ok: false; reason: 'id-taken' }

/**
 * The writes `Storage.atomically` makes durable together or not at all. They are synchronous:
 * an implementation may run them inside its transaction (SQLite) or collect and flush them.
 */
export interface StorageTransaction {
  /** Creates a negotiation with the first state of its rooms and its rounds. */
  createNegotiation(
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds?: Round[],
  ): CreateNegotiationResult
  /** Appends one Yjs update to a room's log. */
  appendUpdate(room: string, update: Uint8Array): void
  /** Proposals, their status changes and positions. */
  readonly proposals: ProposalWrites
  /** Participants of a negotiation. */
  readonly participants: ParticipantWrites
  /** Memberships and campaign groups. */
  readonly members: MemberWrites
  /** The event log: a command's event commits with the command's own writes. */
  readonly events: EventWrites
  /** Rounds opened, closed and added, with the texts frozen when they close. */
  readonly rounds: RoundWrites
  /** The chair's renumberings: one commits with its text change and its event. */
  readonly concordances: ConcordanceWrites
  /** Issues, statements in every record, briefing papers. */
  readonly issues: IssueWrites
  /** Declarations, endorsements, treaty status. */
  readonly declarations: DeclarationWrites
  /** Campaign groups' target lists and actions. */
  readonly campaign: CampaignWrites
  /** Parallel sessions and their outcomes. */
  readonly sessions: SessionWrites
}

/**
 * Everything the server keeps on disk. Every method may return a promise, so that a networked
 * database (PostgreSQL) can sit beside SQLite; the room queue awaits each call in order.
 * An implementation must make `appendUpdate` durable before it resolves.
 */
export interface Storage {
  /** People who can sign in. */
  readonly accounts: AccountStore
  /** Sessions and API tokens. */
  readonly credentials: CredentialStore
  /** Memberships of negotiations and campaign groups. */
  readonly members: MemberStore
  /** Invitation links. */
  readonly invitations: InvitationStore
  /** The actors taking part in each negotiation, in the same database. */
  readonly participants: ParticipantStore
  /** Proposals with their history, and positions, in the same database. */
  readonly proposals: ProposalStore
  /** The append-only event log of each negotiation. */
  readonly events: EventStore
  /** Rounds with their status, and the texts frozen when they closed. */
  readonly rounds: RoundStore
  /** The chair's renumberings of each text, old → new labels. */
  readonly concordances: ConcordanceStore
  /** The chair's document symbol and distribution per text. */
  readonly documents: DocumentStore
  /** When each account last read a negotiation's report. */
  readonly visits: VisitStore
  /** The full-text index of each negotiation (a cache rebuilt from rooms and tables). */
  readonly search: SearchStore
  /** Issues, the statements of every record, briefing papers. */
  readonly issues: IssueStore
  /** Outcome documents, endorsements and treaty status. */
  readonly declarations: DeclarationStore
  /** Campaign groups' target lists and actions. */
  readonly campaign: CampaignStore
  /** Parallel sessions with their facilitators, and what became of their articles. */
  readonly sessions: SessionStore
  /** All negotiations, oldest first. */
  listNegotiations(): Promise<Negotiation[]>
  /** One negotiation, or null. */
  getNegotiation(id: string): Promise<Negotiation | null>
  /** Creates a negotiation and the first state of its rooms, all or nothing. */
  createNegotiation(
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds?: Round[],
  ): Promise<CreateNegotiationResult>
  /** The rounds of a negotiation, in order, with their status (same as `rounds.list`). */
  listRounds(negotiationId: string): Promise<RoundState[]>
  /** A room's stored state as Yjs updates to apply in order (snapshot first); [] if none. */
  loadRoom(room: string): Promise<Uint8Array[]>
  /** Appends one Yjs update to a room's log; resolved only once it is durable. */
  appendUpdate(room: string, update: Uint8Array): Promise<void>
  /**
   * Runs `write` (synchronous) in one transaction: every write in it is durable when the promise
   * resolves, or none is if it throws (the promise rejects with that error).
   */
  atomically<T>(write: (tx: StorageTransaction) => T): Promise<T>
  /** Folds a room's log into one snapshot, re-reading it from storage. */
  compactRoom(room: string): Promise<void>
  /**
   * Whether a room's log past its snapshot has grown past the compaction threshold (cheap: no
   * I/O on the keystroke path). The live room then folds it with `compactWith` in idle time.
   */
  wantsCompaction(room: string): boolean
  /**
   * Replaces a room's snapshot with `snapshot`, the live document's state, which holds every
   * update appended to the room so far, and drops the log rows it covers (issue 15: compaction
   * off the keystroke path, encoded from the room's document instead of re-reading the log).
   */
  compactWith(room: string, snapshot: Uint8Array): Promise<void>
  /** Number of log rows not yet folded into the room's snapshot. */
  pendingUpdates(room: string): Promise<number>
  /** Whether the one-time data step `name` has been done on this database. */
  dataStepDone(name: string): Promise<boolean>
  /** Records that the one-time data step `name` is done. */
  markDataStep(name: string): Promise<void>
  /** Releases the database. */
  close(): Promise<void>
}
