import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { STORAGE_ORIGIN } from '../../../../shared/collab'
import type { Round, RoundState } from '../../../../shared/domain/rounds'
import { SerialQueue } from '../../proposals/SerialQueue'
import type { ConcordanceWrites } from '../ConcordanceStore'
import type { MemberWrites } from '../MemberStore'
import type { ParticipantWrites } from '../ParticipantStore'
import type { ProposalWrites } from '../ProposalStore'
import type { RoundWrites } from '../RoundStore'
import type { SessionWrites } from '../SessionStore'
import type { CampaignWrites, DeclarationWrites, IssueWrites } from '../StanceStore'
import type {
  CreateNegotiationResult,
  InitialRoom,
  Negotiation,
  RoomState,
  Storage,
  StorageTransaction,
} from '../Storage'
import { migrate } from './migrations'
import { promised } from './promised'
import { SqliteAccountStore } from './SqliteAccountStore'
import { SqliteConcordanceStore } from './SqliteConcordanceStore'
import { SqliteCampaignStore, SqliteDeclarationStore, SqliteIssueStore } from './SqliteStanceStores'
import { SqliteCredentialStore } from './SqliteCredentialStore'
import { SqliteDocumentStore, SqliteVisitStore } from './SqliteDocumentStore'
import { SqliteEventStore } from './SqliteEventStore'
import { SqliteInvitationStore } from './SqliteInvitationStore'
import { SqliteMemberStore } from './SqliteMemberStore'
import { SqliteSessionStore } from './SqliteSessionStore'
import { SqliteParticipantStore } from './SqliteParticipantStore'
import { SqliteProposalStore } from './SqliteProposalStore'
import { SqliteRoundStore } from './SqliteRoundStore'
import { SqliteSearchStore } from './SqliteSearchStore'
import { WriteGate } from './WriteGate'

/** Options of the SQLite storage. */
export interface SqliteStorageOptions {
  /** Fold a room's log into a snapshot once it holds more than this many updates. */
  compactAfter?: number
  /**
   * NORMAL (default): a commit is in the WAL, in the OS, before it returns, so a killed process
   * loses nothing; FULL also fsyncs every commit, to survive power loss at a cost per keystroke.
   */
  synchronous?: 'NORMAL' | 'FULL'
}

interface NegotiationRow {
  id: string
  name: string
  created_at: string
}

const toNegotiation = (row: NegotiationRow): Negotiation => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
})

/** The embedded default storage: one SQLite file in WAL mode. */
export class SqliteStorage implements Storage {
  /** Accounts, in the same database. */
  readonly accounts: SqliteAccountStore
  /** Sessions and API tokens, in the same database. */
  readonly credentials: SqliteCredentialStore
  /** Memberships and campaign groups, in the same database. */
  readonly members: SqliteMemberStore
  /** Invitation links, in the same database. */
  readonly invitations: SqliteInvitationStore
  private readonly db: Database.Database
  /** The actors taking part in each negotiation, sharing this database. */
  readonly participants: SqliteParticipantStore
  /** Proposals and positions, sharing this database. */
  readonly proposals: SqliteProposalStore
  /** The event log, sharing this database. */
  readonly events: SqliteEventStore
  /** Rounds and their frozen texts, sharing this database. */
  readonly rounds: SqliteRoundStore
  /** Renumberings (concordances), sharing this database. */
  readonly concordances: SqliteConcordanceStore
  /** Document symbols and distributions, sharing this database. */
  readonly documents: SqliteDocumentStore
  /** Report visits, sharing this database. */
  readonly visits: SqliteVisitStore
  /** The search index, sharing this database. */
  readonly search: SqliteSearchStore
  /** Issues, statements and papers, sharing this database. */
  readonly issues: SqliteIssueStore
  /** Parallel sessions, in the same database. */
  readonly sessions: SqliteSessionStore
  /** Declarations, endorsements and treaty status, sharing this database. */
  readonly declarations: SqliteDeclarationStore
  /** Campaign target lists and actions, sharing this database. */
  readonly campaign: SqliteCampaignStore
  private readonly compactAfter: number
  // Log rows per room since its snapshot, counted lazily so that appends need no COUNT(*).
  private readonly logLength = new Map<string, number>()
  // Rooms with a compaction scheduled by `compactSoon`.
  private readonly compacting = new Set<string>()
  // Every write outside `atomically` waits while its transaction is open (WriteGate.ts).
  private readonly gate = new WriteGate()
  // The in-process locks of `exclusive`: one process is the only one on a SQLite file.
  private readonly locks = new SerialQueue()
  // The store writes of a transaction, made once: the same for every transaction.
  private readonly txWrites: Omit<StorageTransaction, 'createNegotiation' | 'appendUpdate'>
  private readonly stmt

  constructor(file: string, options: SqliteStorageOptions = {}) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
    this.db.pragma('foreign_keys = ON')
    migrate(this.db)
    this.accounts = new SqliteAccountStore(this.db, this.gate)
    this.credentials = new SqliteCredentialStore(this.db, this.gate)
    this.members = new SqliteMemberStore(this.db, this.gate)
    this.invitations = new SqliteInvitationStore(this.db, this.gate)
    this.participants = new SqliteParticipantStore(this.db, this.gate)
    this.proposals = new SqliteProposalStore(this.db)
    this.events = new SqliteEventStore(this.db, this.gate)
    this.rounds = new SqliteRoundStore(this.db)
    this.concordances = new SqliteConcordanceStore(this.db)
    this.documents = new SqliteDocumentStore(this.db, this.gate)
    this.visits = new SqliteVisitStore(this.db, this.gate)
    this.search = new SqliteSearchStore(this.db, this.gate)
    this.issues = new SqliteIssueStore(this.db)
    this.sessions = new SqliteSessionStore(this.db)
    this.declarations = new SqliteDeclarationStore(this.db)
    this.campaign = new SqliteCampaignStore(this.db)
    this.compactAfter = options.compactAfter ?? 1000
    this.txWrites = {
      proposals: promised<ProposalWrites>(this.proposals, {
        put: true,
        addStatusChange: true,
        addPosition: true,
      }),
      participants: promised<ParticipantWrites>(this.participants.writes, { replaceAll: true }),
      members: promised<MemberWrites>(this.members.writes, {
        put: true,
        createGroup: true,
        setCoalitionMembers: true,
      }),
      events: { append: async (event) => this.events.appendNow(event) },
      rounds: promised<RoundWrites>(this.rounds, { add: true, open: true, close: true, end: true }),
      concordances: promised<ConcordanceWrites>(this.concordances, { append: true }),
      issues: promised<IssueWrites>(this.issues, {
        putIssue: true,
        addStatement: true,
        publishStatement: true,
        putPaper: true,
        addPaperVersion: true,
      }),
      declarations: promised<DeclarationWrites>(this.declarations, {
        putDeclaration: true,
        putEndorsement: true,
        removeEndorsement: true,
        replaceTreatyStatus: true,
        addRoundCount: true,
      }),
      campaign: promised<CampaignWrites>(this.campaign, {
        putTarget: true,
        removeTarget: true,
        addAction: true,
      }),
      sessions: promised<SessionWrites>(this.sessions.writes, {
        create: true,
        update: true,
        addOutcome: true,
      }),
    }
    this.stmt = {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      list: this.db.prepare<[], NegotiationRow>(
        'SELECT id, name, created_at FROM negotiations ORDER BY created_at, id',
      ),
      get: this.db.prepare<[string], NegotiationRow>(
        'SELECT id, name, created_at FROM negotiations WHERE id = ?',
      ),
      insertNegotiation: this.db.prepare<[string, string, string]>(
        'INSERT INTO negotiations (id, name, created_at) VALUES (?, ?, ?)',
      ),
      append: this.db.prepare<[string, Uint8Array]>(
        'INSERT INTO room_updates (room, update_data) VALUES (?, ?)',
      ),
      snapshot: this.db.prepare<[string], { snapshot: Buffer; upto_seq: number }>(
        'SELECT snapshot, upto_seq FROM room_snapshots WHERE room = ?',
      ),
      updatesAfter: this.db.prepare<[string, number], { seq: number; update_data: Buffer }>(
        'SELECT seq, update_data FROM room_updates WHERE room = ? AND seq > ? ORDER BY seq',
      ),
      countAfter: this.db.prepare<[string, number], { n: number }>(
        'SELECT COUNT(*) AS n FROM room_updates WHERE room = ? AND seq > ?',
      ),
      putSnapshot: this.db.prepare<[string, Uint8Array, number]>(
        `INSERT INTO room_snapshots (room, snapshot, upto_seq) VALUES (?, ?, ?)
         ON CONFLICT (room) DO UPDATE SET snapshot = excluded.snapshot, upto_seq = excluded.upto_seq`,
      ),
      lastSeq: this.db.prepare<[string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM room_updates WHERE room = ?',
      ),
      deleteUpTo: this.db.prepare<[string, number]>(
        'DELETE FROM room_updates WHERE room = ? AND seq <= ?',
      ),
    }
  }

  /** Whether the one-time data step `name` has been done on this database. */
  async dataStepDone(name: string): Promise<boolean> {
    return !!this.db.prepare('SELECT 1 FROM data_steps WHERE name = ?').get(name)
  }

  /** Records that the one-time data step `name` is done. */
  markDataStep(name: string): Promise<void> {
    return this.gate.write(() => {
      this.db
        .prepare('INSERT OR IGNORE INTO data_steps (name, done_at) VALUES (?, ?)')
        .run(name, new Date().toISOString())
    })
  }

  /** All negotiations, oldest first. */
  async listNegotiations(): Promise<Negotiation[]> {
    return this.stmt.list.all().map(toNegotiation)
  }

  /** One negotiation, or null. */
  async getNegotiation(id: string): Promise<Negotiation | null> {
    const row = this.stmt.get.get(id)
    return row ? toNegotiation(row) : null
  }

  /** Creates a negotiation and its rooms' first updates in one SQLite transaction. */
  async createNegotiation(
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds: Round[] = [],
  ): Promise<CreateNegotiationResult> {
    return this.atomically(async (tx) => tx.createNegotiation(negotiation, rooms, rounds))
  }

  /**
   * One immediate SQLite transaction around the awaited callback, holding the write gate from
   * BEGIN to COMMIT or ROLLBACK (better-sqlite3's `transaction()` takes no async function). A room
   * it appended to whose log is far past the threshold (no live room folds it) is compacted soon
   * after it commits, off this call's path.
   */
  atomically<T>(write: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    return this.gate.hold(async () => {
      const touched = new Map<string, number>()
      const touch = (room: string) => touched.set(room, (touched.get(room) ?? 0) + 1)
      const tx: StorageTransaction = {
        createNegotiation: async (negotiation, rooms, rounds = []) => {
          const result = this.insertNegotiation(negotiation, rooms, rounds)
          if (result.ok) rooms.forEach(({ room }) => touch(room))
          return result
        },
        appendUpdate: async (room, update) => {
          const seq = this.insertUpdate(room, update)
          touch(room)
          return seq
        },
        ...this.txWrites,
      }
      this.stmt.begin.run()
      let result: T
      try {
        result = await write(tx)
        this.stmt.commit.run()
      } catch (error) {
        // SQLite may have rolled back already (a failed COMMIT, a full disk).
        if (this.db.inTransaction) this.stmt.rollback.run()
        throw error
      }
      this.noteAppends(touched)
      return result
    })
  }

  // Counts a committed transaction's appends into the rooms' log lengths.
  private noteAppends(touched: Map<string, number>): void {
    for (const [room, appended] of touched) {
      const known = this.logLength.get(room)
      const length = known === undefined ? this.countSinceSnapshot(room) : known + appended
      this.logLength.set(room, length)
      if (length > 2 * this.compactAfter) this.compactSoon(room)
    }
  }

  private insertNegotiation(
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds: Round[],
  ): CreateNegotiationResult {
    const createdAt = new Date().toISOString()
    if (this.stmt.get.get(negotiation.id)) return { ok: false, reason: 'id-taken' }
    this.stmt.insertNegotiation.run(negotiation.id, negotiation.name, createdAt)
    for (const { room, update } of rooms) this.insertUpdate(room, update)
    for (const r of rounds) this.rounds.add(negotiation.id, r)
    return { ok: true, negotiation: { ...negotiation, createdAt } }
  }

  /** The rounds of a negotiation, in order. */
  async listRounds(negotiationId: string): Promise<RoundState[]> {
    return this.rounds.list(negotiationId)
  }

  /**
   * A room's snapshot followed by its later updates; a room whose log grew long while no live
   * room folded it (REST appends, or a room that was never idle) is folded here first.
   */
  async loadRoom(room: string): Promise<Uint8Array[]> {
    const { updates, uptoSeq, logRows } = this.db.transaction(() => this.readRoom(room))()
    this.logLength.set(room, logRows)
    if (logRows <= this.compactAfter) return updates
    // A transaction is open (perhaps the caller's own): fold later, not into it.
    if (!this.gate.idle) {
      this.compactSoon(room)
      return updates
    }
    return [this.fold(room, updates, uptoSeq)]
  }

  /**
   * The room's updates after `afterSeq`: its snapshot first when rows after `afterSeq` were
   * folded into it. SQLite's sequence numbers are the log's row ids (increasing, not contiguous);
   * a snapshot holds every row up to its `upto_seq`. With nothing after `afterSeq`, `seq` is
   * `afterSeq`.
   */
  async loadRoomState(room: string, afterSeq = 0): Promise<RoomState> {
    return this.db.transaction((): RoomState => {
      const snapshot = this.stmt.snapshot.get(room)
      const folded = snapshot !== undefined && afterSeq < snapshot.upto_seq
      const from = folded ? snapshot.upto_seq : afterSeq
      const rows = this.stmt.updatesAfter.all(room, from)
      const updates = rows.map((r) => new Uint8Array(r.update_data))
      if (folded) updates.unshift(new Uint8Array(snapshot.snapshot))
      const last = rows[rows.length - 1]
      return { updates, seq: last ? last.seq : from }
    })()
  }

  /**
   * Appends one update; synchronous under the hood, so it is on disk when the promise resolves
   * (at once unless a transaction is open). Never compacts: the live room asks `wantsCompaction`
   * and folds the log in its idle time.
   */
  appendUpdate(room: string, update: Uint8Array): Promise<number> {
    return this.gate.write(() => {
      const seq = this.insertUpdate(room, update)
      const known = this.logLength.get(room)
      if (known !== undefined) this.logLength.set(room, known + 1)
      return seq
    })
  }

  /** Appends several updates in one transaction (after any open one: the write gate). */
  appendUpdates(room: string, updates: Uint8Array[]): Promise<number[]> {
    return this.gate.write(() => {
      const seqs = this.db.transaction(() => updates.map((u) => this.insertUpdate(room, u)))()
      const known = this.logLength.get(room)
      if (known !== undefined) this.logLength.set(room, known + updates.length)
      return seqs
    })
  }

  /** Folds a room's log into its snapshot. */
  compactRoom(room: string): Promise<void> {
    return this.gate.write(() => this.compact(room))
  }

  /** Whether the room's log past its snapshot is longer than the threshold (in memory, no I/O). */
  wantsCompaction(room: string): boolean {
    return (this.logLength.get(room) ?? 0) > this.compactAfter
  }

  /**
   * Stores `snapshot` (the live document) as the room's snapshot up to `uptoSeq` (default: its
   * last appended row), and deletes the rows it covers, in one transaction. A snapshot already
   * stored up to `uptoSeq` or further stays (its rows are gone: replacing it would lose them).
   */
  compactWith(room: string, snapshot: Uint8Array, uptoSeq?: number): Promise<void> {
    return this.gate.write(() => {
      this.db
        .transaction(() => {
          const upto = uptoSeq ?? this.stmt.lastSeq.get(room)?.seq
          if (upto == null) return
          const stored = this.stmt.snapshot.get(room)?.upto_seq ?? 0
          if (stored >= upto) return
          this.stmt.putSnapshot.run(room, snapshot, upto)
          this.stmt.deleteUpTo.run(room, upto)
        })
        .immediate()
      this.logLength.set(room, uptoSeq === undefined ? 0 : this.countSinceSnapshot(room))
    })
  }

  /** Runs `task` after every task queued under `key` in this process (SQLite has one). */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.locks.run(key, task)
  }

  /** Number of log rows past the room's snapshot. */
  async pendingUpdates(room: string): Promise<number> {
    return this.countSinceSnapshot(room)
  }

  /** Closes the database file. */
  close(): Promise<void> {
    // After an open transaction ends, not in the middle of it.
    return this.gate.write(() => {
      this.credentials.flushLastUses()
      if (this.db.open) this.db.close()
    })
  }

  // Inserts one row into the room's log; its row id is the update's sequence number.
  private insertUpdate(room: string, update: Uint8Array): number {
    return Number(this.stmt.append.run(room, update).lastInsertRowid)
  }

  private readRoom(room: string): { updates: Uint8Array[]; uptoSeq: number; logRows: number } {
    const snapshot = this.stmt.snapshot.get(room)
    const rows = this.stmt.updatesAfter.all(room, snapshot?.upto_seq ?? 0)
    const updates = rows.map((r) => new Uint8Array(r.update_data))
    if (snapshot) updates.unshift(new Uint8Array(snapshot.snapshot))
    const last = rows[rows.length - 1]
    return { updates, uptoSeq: last ? last.seq : (snapshot?.upto_seq ?? 0), logRows: rows.length }
  }

  // Compacts a room on a later turn of the event loop, once however often it is asked.
  private compactSoon(room: string): void {
    if (this.compacting.has(room)) return
    this.compacting.add(room)
    setImmediate(() => {
      this.compacting.delete(room)
      void this.gate.write(() => {
        if (this.db.open && this.wantsCompaction(room)) this.compact(room)
      })
    })
  }

  // Re-reads the room from storage and folds it, in one transaction.
  private compact(room: string): void {
    this.db
      .transaction(() => {
        const { updates, uptoSeq } = this.readRoom(room)
        if (updates.length > 1) this.fold(room, updates, uptoSeq)
      })
      .immediate()
    this.logLength.set(room, 0)
  }

  // Loads the updates into a Y.Doc and stores it re-encoded as the snapshot up to `uptoSeq`:
  // Y.mergeUpdates over thousands of small updates degrades far worse than linearly, applying
  // them to a document does not. Returns the snapshot.
  private fold(room: string, updates: Uint8Array[], uptoSeq: number): Uint8Array {
    const doc = new Y.Doc({ gc: true })
    doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)), STORAGE_ORIGIN)
    const snapshot = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    this.db
      .transaction(() => {
        this.stmt.putSnapshot.run(room, snapshot, uptoSeq)
        this.stmt.deleteUpTo.run(room, uptoSeq)
      })
      .immediate()
    this.logLength.set(room, 0)
    return snapshot
  }

  private countSinceSnapshot(room: string): number {
    const upto = this.stmt.snapshot.get(room)?.upto_seq ?? 0
    return this.stmt.countAfter.get(room, upto)?.n ?? 0
  }
}
