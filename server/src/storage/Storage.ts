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

/**
 * A room's stored updates from some point on, to apply in order (a snapshot first when the rows
 * asked for were folded into it), and the sequence number of the last update they hold (0: none).
 * Sequence numbers count a room's appends: every instance appending to a room gets the next one,
 * so an instance that holds a room up to `seq` catches up with `loadRoomState(room, seq)`.
 */
export interface RoomState {
  updates: Uint8Array[]
  seq: number
}

/** The outcome of creating a negotiation: the stored row, or why not. */
export type CreateNegotiationResult =
  { ok: true; negotiation: Negotiation } | { ok: false; reason: 'id-taken' }

/**
 * The writes `Storage.atomically` makes durable together or not at all. Each returns a promise
 * (PostgreSQL runs them on the transaction's connection); await them in order.
 */
export interface StorageTransaction {
  /** Creates a negotiation with the first state of its rooms and its rounds. */
  createNegotiation(
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds?: Round[],
  ): Promise<CreateNegotiationResult>
  /** Appends one Yjs update to a room's log; resolves to its sequence number in the room. */
  appendUpdate(room: string, update: Uint8Array): Promise<number>
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
  /**
   * The room's updates after sequence number `afterSeq` (0, the default: all of them, snapshot
   * first), with the sequence number of the last; what an instance that missed messages applies.
   */
  loadRoomState(room: string, afterSeq?: number): Promise<RoomState>
  /**
   * Appends one Yjs update to a room's log; resolved only once it is durable, to the update's
   * sequence number in the room (contiguous per room in PostgreSQL; increasing in SQLite).
   */
  appendUpdate(room: string, update: Uint8Array): Promise<number>
  /**
   * Appends several Yjs updates to a room's log in one durable transaction (a live room's group
   * commit): resolved only once all are durable, to their sequence numbers in order; none is
   * stored if it rejects.
   */
  appendUpdates(room: string, updates: Uint8Array[]): Promise<number[]>
  /**
   * Runs `write` in one transaction: every write in it is durable when the promise resolves, or
   * none is if it throws (the promise rejects with that error). `write` awaits each of its writes;
   * nothing outside it writes in between.
   */
  atomically<T>(write: (tx: StorageTransaction) => Promise<T>): Promise<T>
  /** Folds a room's log into one snapshot, re-reading it from storage. */
  compactRoom(room: string): Promise<void>
  /**
   * Whether a room's log past its snapshot has grown past the compaction threshold (cheap: no
   * I/O on the keystroke path). The live room then folds it with `compactWith` in idle time.
   */
  wantsCompaction(room: string): boolean
  /**
   * Replaces a room's snapshot with `snapshot`, the live document's state, which holds every
   * update appended to the room up to sequence number `uptoSeq` (default: every update appended
   * so far), and drops the log rows it covers (issue 15: compaction off the keystroke path).
   * Two instances never compact one room at once: one that finds another compacting skips.
   */
  compactWith(room: string, snapshot: Uint8Array, uptoSeq?: number): Promise<void>
  /**
   * Runs `task` while holding the lock named `key` for every process on this storage (an
   * in-process queue for SQLite, an advisory lock for PostgreSQL): the per-negotiation command
   * queue and the first start's data steps. Tasks under one key run one at a time, in order.
   */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T>
  /** Number of log rows not yet folded into the room's snapshot. */
  pendingUpdates(room: string): Promise<number>
  /** Whether the one-time data step `name` has been done on this database. */
  dataStepDone(name: string): Promise<boolean>
  /** Records that the one-time data step `name` is done. */
  markDataStep(name: string): Promise<void>
  /** Releases the database. */
  close(): Promise<void>
}
