import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { STORAGE_ORIGIN } from '../../../../shared/collab'
import type { Round, RoundState } from '../../../../shared/domain/rounds'
import type {
  CreateNegotiationResult,
  InitialRoom,
  Negotiation,
  Storage,
  StorageTransaction,
} from '../Storage'
import { migrate } from './migrations'
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
  private readonly stmt

  constructor(file: string, options: SqliteStorageOptions = {}) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
    this.db.pragma('foreign_keys = ON')
    migrate(this.db)
    this.accounts = new SqliteAccountStore(this.db)
    this.credentials = new SqliteCredentialStore(this.db)
    this.members = new SqliteMemberStore(this.db)
    this.invitations = new SqliteInvitationStore(this.db)
    this.participants = new SqliteParticipantStore(this.db)
    this.proposals = new SqliteProposalStore(this.db)
    this.events = new SqliteEventStore(this.db)
    this.rounds = new SqliteRoundStore(this.db)
    this.concordances = new SqliteConcordanceStore(this.db)
    this.documents = new SqliteDocumentStore(this.db)
    this.visits = new SqliteVisitStore(this.db)
    this.search = new SqliteSearchStore(this.db)
    this.issues = new SqliteIssueStore(this.db)
    this.sessions = new SqliteSessionStore(this.db)
    this.declarations = new SqliteDeclarationStore(this.db)
    this.campaign = new SqliteCampaignStore(this.db)
    this.compactAfter = options.compactAfter ?? 1000
    this.stmt = {
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
  async markDataStep(name: string): Promise<void> {
    this.db
      .prepare('INSERT OR IGNORE INTO data_steps (name, done_at) VALUES (?, ?)')
      .run(name, new Date().toISOString())
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
    return this.atomically((tx) => tx.createNegotiation(negotiation, rooms, rounds))
  }

  /**
   * One immediate SQLite transaction; a room it appended to whose log is far past the threshold
   * (no live room folds it) is compacted soon after it commits, off this call's path.
   */
  async atomically<T>(write: (tx: StorageTransaction) => T): Promise<T> {
    const touched = new Map<string, number>()
    const touch = (room: string) => touched.set(room, (touched.get(room) ?? 0) + 1)
    const tx: StorageTransaction = {
      createNegotiation: (negotiation, rooms, rounds = []) => {
        const result = this.insertNegotiation(negotiation, rooms, rounds)
        if (result.ok) rooms.forEach(({ room }) => touch(room))
        return result
      },
      appendUpdate: (room, update) => {
        this.stmt.append.run(room, update)
        touch(room)
      },
      proposals: this.proposals,
      participants: this.participants.writes,
      members: this.members.writes,
      events: { append: (event) => this.events.appendNow(event) },
      rounds: this.rounds,
      concordances: this.concordances,
      issues: this.issues,
      declarations: this.declarations,
      campaign: this.campaign,
      sessions: this.sessions.writes,
    }
    const result = this.db
      .transaction(() => {
        const value = write(tx)
        if (value instanceof Promise) throw new Error('a storage transaction must be synchronous')
        return value
      })
      .immediate()
    for (const [room, appended] of touched) {
      const known = this.logLength.get(room)
      const length = known === undefined ? this.countSinceSnapshot(room) : known + appended
      this.logLength.set(room, length)
      if (length > 2 * this.compactAfter) this.compactSoon(room)
    }
    return result
  }

  private insertNegotiation(
    negotiation: Omit<Negotiation, 'createdAt'>,
    rooms: InitialRoom[],
    rounds: Round[],
  ): CreateNegotiationResult {
    const createdAt = new Date().toISOString()
    if (this.stmt.get.get(negotiation.id)) return { ok: false, reason: 'id-taken' }
    this.stmt.insertNegotiation.run(negotiation.id, negotiation.name, createdAt)
    for (const { room, update } of rooms) this.stmt.append.run(room, update)
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
    return [this.fold(room, updates, uptoSeq)]
  }

  /**
   * Appends one update; synchronous under the hood, so it is on disk when this returns. Never
   * compacts: the live room asks `wantsCompaction` and folds the log in its idle time.
   */
  async appendUpdate(room: string, update: Uint8Array): Promise<void> {
    this.stmt.append.run(room, update)
    const known = this.logLength.get(room)
    if (known !== undefined) this.logLength.set(room, known + 1)
  }

  /** Folds a room's log into its snapshot. */
  async compactRoom(room: string): Promise<void> {
    this.compact(room)
  }

  /** Whether the room's log past its snapshot is longer than the threshold (in memory, no I/O). */
  wantsCompaction(room: string): boolean {
    return (this.logLength.get(room) ?? 0) > this.compactAfter
  }

  /**
   * Stores `snapshot` (the live document, holding every update appended to the room) as the
   * room's snapshot up to its last appended row, and deletes the rows it covers, in one transaction.
   */
  async compactWith(room: string, snapshot: Uint8Array): Promise<void> {
    this.db
      .transaction(() => {
        const last = this.stmt.lastSeq.get(room)?.seq
        if (last == null) return
        this.stmt.putSnapshot.run(room, snapshot, last)
        this.stmt.deleteUpTo.run(room, last)
      })
      .immediate()
    this.logLength.set(room, 0)
  }

  /** Number of log rows past the room's snapshot. */
  async pendingUpdates(room: string): Promise<number> {
    return this.countSinceSnapshot(room)
  }

  /** Closes the database file. */
  async close(): Promise<void> {
    this.credentials.flushLastUses()
    if (this.db.open) this.db.close()
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
      if (this.db.open && this.wantsCompaction(room)) this.compact(room)
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
